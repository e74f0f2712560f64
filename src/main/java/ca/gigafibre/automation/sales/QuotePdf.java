package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.text.Money;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The quote as the customer gets it ("Soumission TARGO"): French first, recurring services and one-time fees each with
 * its subtotal, TPS and TVQ, the terms, and a QR code of the signing link once the quote was sent for signature.
 */
@Component
public class QuotePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 8);

    public byte[] render(QuoteView quote) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Soumission " + quote.id());
            document.open();
            document.add(new Paragraph("Soumission TARGO " + quote.id(), TITLE));
            document.add(new Paragraph("Quote " + quote.id(), SMALL));
            document.add(new Paragraph("Client : " + quote.customerName() + " (" + quote.customerId() + ")", BODY));
            document.add(new Paragraph("Adresse de service : " + (quote.address() == null ? "à confirmer" : quote.address()), BODY));
            document.add(new Paragraph("Date : " + quote.date() + "    Valide jusqu'au : " + quote.expiresOn()
                    + ("commercial".equals(quote.type()) ? "    Commercial" : "    Résidentiel"), BODY));
            if (quote.po() != null) {
                document.add(new Paragraph("Bon de commande (PO) : " + quote.po(), BODY));
            }
            section(document, "Services récurrents", "Recurring services", quote.lines().stream().filter(QuoteView.Line::recurring).toList(),
                    quote.recurringSubtotal());
            section(document, "Frais uniques", "One-time fees", quote.lines().stream().filter(l -> !l.recurring()).toList(),
                    quote.oneTimeSubtotal());
            totals(document, quote);
            if (quote.terms() != null && !quote.terms().isBlank()) {
                document.add(new Paragraph("Conditions / Terms", HEADING));
                document.add(new Paragraph(quote.terms(), BODY));
            }
            signature(document, quote);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("quote " + quote.id() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static void section(Document document, String french, String english, List<QuoteView.Line> lines, BigDecimal subtotal)
            throws DocumentException {
        if (lines.isEmpty()) {
            return;
        }
        Paragraph heading = new Paragraph(french + " / " + english, HEADING);
        heading.setSpacingBefore(12);
        document.add(heading);
        PdfPTable table = new PdfPTable(new float[] {1.3f, 4f, 0.8f, 1.3f, 1.3f, 1.3f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        for (String header : List.of("Code", "Description", "Qté", "Prix", "Fréquence", "Total")) {
            table.addCell(new PdfPCell(new Phrase(header, HEADING)));
        }
        for (QuoteView.Line line : lines) {
            table.addCell(cell(line.sku()));
            table.addCell(cell(line.description()));
            table.addCell(cell(String.valueOf(line.quantity())));
            table.addCell(amount(line.unitPrice()));
            table.addCell(cell(FREQUENCIES.getOrDefault(line.frequency(), line.frequency())));
            table.addCell(amount(line.total()));
        }
        document.add(table);
        Paragraph total = new Paragraph("Sous-total " + french.toLowerCase() + " : " + Money.french(subtotal), BODY);
        total.setAlignment(Element.ALIGN_RIGHT);
        document.add(total);
    }

    private static void totals(Document document, QuoteView quote) throws DocumentException {
        Paragraph totals = new Paragraph();
        totals.setSpacingBefore(10);
        totals.setAlignment(Element.ALIGN_RIGHT);
        totals.add(new Chunk("Sous-total / Subtotal : " + Money.french(quote.subtotal()) + "\n", BODY));
        totals.add(new Chunk("TPS (5 %) : " + Money.french(quote.tps()) + "\n", BODY));
        totals.add(new Chunk("TVQ (9,975 %) : " + Money.french(quote.tvq()) + "\n", BODY));
        totals.add(new Chunk("Total : " + Money.french(quote.total()), HEADING));
        document.add(totals);
    }

    private static void signature(Document document, QuoteView quote) throws DocumentException {
        Paragraph heading = new Paragraph("Signature", HEADING);
        heading.setSpacingBefore(14);
        document.add(heading);
        if (quote.signedAt() != null) {
            document.add(new Paragraph("Signée le " + quote.signedAt().toLocalDate() + " (" + quote.signedVia() + ")", BODY));
        } else if (quote.signingUrl() == null) {
            document.add(new Paragraph("Le lien de signature suivra par courriel. / The signing link will follow by e-mail.", BODY));
        } else {
            document.add(new Paragraph("SIGNER CETTE SOUMISSION — balayez le code ou ouvrez le lien / SIGN THIS QUOTE — scan the code or open the link", BODY));
            Image qr = qrCode(quote.signingUrl());
            qr.scaleAbsolute(120, 120);
            document.add(qr);
            document.add(new Paragraph(quote.signingUrl(), SMALL));
        }
    }

    private static Image qrCode(String url) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 240, 240, Map.of(EncodeHintType.MARGIN, 1));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return Image.getInstance(image, null);
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code of " + url + " could not be made", e);
        }
    }

    private static PdfPCell cell(String text) {
        return new PdfPCell(new Phrase(text == null ? "" : text, BODY));
    }

    private static PdfPCell amount(BigDecimal value) {
        PdfPCell cell = cell(Money.french(value));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static final Map<String, String> FREQUENCIES = Map.of("one-time", "unique", "monthly", "mensuel", "annual", "annuel");
}
