package uk.encounters.web.print;

import java.text.Normalizer;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text made safe for the standard PDF fonts, which show only the WinAnsi characters (Western European): PDFBox
 * throws on anything else, and names typed by people hold anything. Well-known look-alikes become their plain form,
 * accented letters outside WinAnsi lose their accent ("ő" becomes "o"), and the rest becomes '?'. Never throws.
 */
final class WinAnsiText {

    private static final Map<Integer, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry(0x00A0, " "), // no-break space: the fonts' WinAnsi has no glyph of its own for it
            // letters with a stroke have no accent to drop: their plain letter is nearest
            Map.entry(0x0141, "L"),
            Map.entry(0x0142, "l"),
            Map.entry(0x0110, "D"),
            Map.entry(0x0111, "d"),
            Map.entry(0x0131, "i"),
            Map.entry(0x2010, "-"),
            Map.entry(0x2011, "-"),
            Map.entry(0x2012, "-"),
            Map.entry(0x2032, "'"),
            Map.entry(0x2033, "\""),
            Map.entry(0x2212, "-"),
            Map.entry(0x2009, " "),
            Map.entry(0x200A, " "),
            Map.entry(0x202F, " "),
            Map.entry(0x2002, " "),
            Map.entry(0x2003, " "),
            Map.entry(0x0009, " "),
            Map.entry(0x2192, "->"),
            Map.entry(0x2190, "<-"),
            Map.entry(0x2264, "<="),
            Map.entry(0x2265, ">="));

    private final PDFont font;

    WinAnsiText(PDFont font) {
        this.font = font;
    }

    /** The text with every character the font cannot show replaced; one line (line breaks become spaces). */
    String of(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.append(character(c)));
        return safe.toString();
    }

    private String character(int c) {
        if (c == '\n' || c == '\r') {
            return " ";
        }
        String alike = LOOK_ALIKES.get(c);
        if (alike != null) {
            return alike;
        }
        if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
            return "";
        }
        String one = Character.toString(c);
        if (shows(one)) {
            return one;
        }
        String bare = Normalizer.normalize(one, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return !bare.isEmpty() && !bare.equals(one) && shows(bare) ? bare : "?";
    }

    private boolean shows(String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return false;
        }
    }
}
