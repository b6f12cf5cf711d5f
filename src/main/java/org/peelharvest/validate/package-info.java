/** Checks an extracted report against what a PEEL report must be; plain Java, no Spring types. */
package org.peelharvest.validate;
