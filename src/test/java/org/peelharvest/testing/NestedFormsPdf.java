package org.peelharvest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * A PDF of a few kilobytes that never ends its drawing (issue 17): its page draws a form XObject
 * {@code fanOut} times, that form draws the next {@code fanOut} times, and so on {@code depth} deep,
 * so a reader that follows every form runs {@code fanOut^depth} leaf drawings (10^12 for 10 and 12).
 */
public final class NestedFormsPdf {

    private NestedFormsPdf() {
    }

    public static byte[] bytes(int fanOut, int depth) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFormXObject inner = form(document, "0 0 m 10 10 l S\n", null);
            for (int level = 1; level < depth; level++) {
                inner = form(document, drawings(fanOut), inner);
            }
            PDPage page = new PDPage();
            document.addPage(page);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F"), inner);
            page.setResources(resources);
            PDStream contents = new PDStream(document);
            try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(drawings(fanOut).getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(contents);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** {@code q /F Do Q}, {@code fanOut} times: the form named F drawn again and again. */
    private static String drawings(int fanOut) {
        return "q /F Do Q\n".repeat(fanOut);
    }

    private static PDFormXObject form(PDDocument document, String content, PDFormXObject drawn) throws IOException {
        PDFormXObject form = new PDFormXObject(document);
        form.setBBox(new PDRectangle(0, 0, 100, 100));
        try (OutputStream out = form.getContentStream().createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        PDResources resources = new PDResources();
        if (drawn != null) {
            resources.put(COSName.getPDFName("F"), drawn);
        }
        form.setResources(resources);
        return form;
    }
}
