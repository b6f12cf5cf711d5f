// Checks a published release with the official Frictionless JavaScript libraries, as a data team
// using them would, and exits 1 on any error (2 on bad usage):
//  - datapackage: the descriptor against its profile (data-package), each resource against its own
//    (tabular-data-resource, data-resource), and, for the plain CSV style, every table read through
//    the package with its foreign keys resolved;
//  - tableschema: every row of every table cast against its Table Schema (types, required, enum),
//    primary keys unique, and every foreign key resolved against the rows of the table it names.
// usage: node check-release.js RELEASE_DIR [--bom]
// --bom: the tables start with a UTF-8 byte-order mark (the spreadsheet style). datapackage 1.x
// passes no option for it to its CSV parser and reads the mark into the first column's name, so
// its own table reading is skipped; tableschema reads those tables with csv-parse's "bom" option.
'use strict';
const path = require('path');
const { Package } = require('datapackage');
const { Table } = require('tableschema');

const args = process.argv.slice(2);
const bom = args.includes('--bom');
const folder = args.find((arg) => !arg.startsWith('--'));
if (!folder) {
  console.error('usage: node check-release.js RELEASE_DIR [--bom]');
  process.exit(2);
}

const errors = [];
const fail = (where, error) => {
  const details = (error.errors || []).map((e) => ' ' + e.message).join(';');
  errors.push(where + ': ' + error.message.replace(/\s+/g, ' ').trim() + details);
};

async function readWithTableschema(resource, relations) {
  const descriptor = resource.descriptor;
  const table = await Table.load(path.join(folder, descriptor.path), {
    schema: descriptor.schema, encoding: descriptor.encoding, bom,
    delimiter: descriptor.dialect.delimiter, quote: descriptor.dialect.quoteChar,
  });
  return table.read({ keyed: true, relations });
}

async function main() {
  const dataPackage = await Package.load(path.join(folder, 'datapackage.json'));
  dataPackage.errors.forEach((error) => fail('datapackage.json', error));
  for (const resource of dataPackage.resources) {
    resource.errors.forEach((error) => fail('datapackage.json: resource ' + resource.name, error));
  }
  // The tables are the resources the descriptor says are (profile tabular-data-resource): datapackage
  // 1.x, not strict, also takes a resource of format xlsx for one (the workbook), which it cannot read.
  const tables = dataPackage.resources.filter((resource) => resource.descriptor.profile === 'tabular-data-resource');
  if (tables.length === 0) {
    errors.push('datapackage.json: no tabular resource');
  }
  const rows = {};
  for (const resource of tables) {
    try {
      rows[resource.name] = await readWithTableschema(resource, false);
    } catch (error) {
      fail('tableschema: ' + resource.descriptor.path, error);
    }
  }
  for (const resource of tables) {
    if ((resource.descriptor.schema.foreignKeys || []).length === 0) continue;
    try {
      await readWithTableschema(resource, rows);
    } catch (error) {
      fail('tableschema: ' + resource.descriptor.path + ' (foreign keys)', error);
    }
  }
  if (!bom) {
    for (const resource of tables) {
      try {
        await resource.read({ keyed: true, relations: true });
      } catch (error) {
        fail('datapackage: ' + resource.descriptor.path, error);
      }
    }
  }
  for (const resource of tables) {
    console.log(resource.descriptor.path + ': ' + (rows[resource.name] || []).length + ' rows');
  }
  errors.forEach((error) => console.log('error: ' + error));
  console.log(errors.length === 0 ? 'valid' : errors.length + ' error(s)');
  process.exit(errors.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.log('error: ' + error.message);
  process.exit(1);
});
