/** HTML pages to text blocks with jsoup, from document structure rather than one site's class names. */
package org.peelharvest.extract.html;
