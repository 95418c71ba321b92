package org.datastamp.useroffice.jdbc;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.datastamp.useroffice.api.SampleSheet;
import org.datastamp.useroffice.api.UserOfficeException;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Sample labels: a QR code (ZXing) of {@code sample:<id>} beside the sample's id, name and hazard, as a PNG for a
 * label printer or a PDF page of 62 x 29 mm (a common label tape), drawn with PDFBox's built-in Helvetica.
 */
final class Labels {

    static final int QR_PIXELS = 232;

    private Labels() {
    }

    static String content(SampleSheet sheet) {
        return "sample:" + sheet.sample().id();
    }

    static BufferedImage qr(SampleSheet sheet) throws UserOfficeException {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content(sheet), com.google.zxing.BarcodeFormat.QR_CODE,
                    QR_PIXELS, QR_PIXELS, Map.of(EncodeHintType.MARGIN, 1,
                            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(),
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new UserOfficeException("Could not encode the label of sample " + sheet.sample().id() + ": "
                    + e.getMessage(), e);
        }
    }

    static byte[] png(SampleSheet sheet) throws UserOfficeException {
        BufferedImage qr = qr(sheet);
        BufferedImage label = new BufferedImage(QR_PIXELS * 2 + 40, QR_PIXELS, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = label.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, label.getWidth(), label.getHeight());
            g.drawImage(qr, 0, 0, null);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString(sheet.sample().id(), QR_PIXELS + 10, 50);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
            g.drawString(shorten(sheet.sample().name(), 24), QR_PIXELS + 10, 90);
            g.drawString("Proposal " + sheet.sample().proposalId(), QR_PIXELS + 10, 125);
            g.drawString("Hazard " + sheet.hazard(), QR_PIXELS + 10, 160);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(label, "png", out);
        } catch (IOException e) {
            throw new UserOfficeException("Could not write the label of sample " + sheet.sample().id(), e);
        }
        return out.toByteArray();
    }

    static byte[] pdf(SampleSheet sheet) throws UserOfficeException {
        float mm = 72f / 25.4f;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(62 * mm, 29 * mm));
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.drawImage(LosslessFactory.createFromImage(doc, qr(sheet)), 1 * mm, 1 * mm, 27 * mm, 27 * mm);
                text(s, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 9, 30 * mm, 22 * mm,
                        sheet.sample().id());
                PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                text(s, plain, 7, 30 * mm, 17 * mm, shorten(sheet.sample().name(), 22));
                text(s, plain, 7, 30 * mm, 12 * mm, "Proposal " + sheet.sample().proposalId());
                text(s, plain, 7, 30 * mm, 7 * mm, "Hazard " + sheet.hazard());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException | IllegalArgumentException e) {
            throw new UserOfficeException("Could not write the PDF label of sample " + sheet.sample().id() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void text(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        // the built-in fonts cover WinAnsi only; other characters become '?'
        s.showText(text.chars().mapToObj(ch -> ch < 256 ? String.valueOf((char) ch) : "?")
                .reduce("", String::concat));
        s.endText();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
