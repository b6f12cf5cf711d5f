/** PDF reports to text blocks with PDFBox, using font size and layout to tell headings, paragraphs and lists apart. */
package org.peelharvest.extract.pdf;
