package uk.encounters.web.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML part of a message, made from its plain text so both say the same: paragraphs at blank
 * lines, a run of "* " lines as a list (indented lines below an item belong to it), and web
 * addresses as links. Everything else is text, escaped: a name can never become markup.
 */
final class HtmlAlternative {

    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    private HtmlAlternative() {}

    static String of(String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"></head>\n"
                + "<body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c;"
                + " max-width: 40em\">\n");
        for (String block : text.replace("\r\n", "\n").strip().split("\n\\s*\n")) {
            html.append(block.startsWith("* ") ? list(block) : paragraph(block)).append('\n');
        }
        return html.append("</body></html>\n").toString();
    }

    private static String paragraph(String block) {
        return "<p>"
                + String.join(
                        "<br>\n", block.lines().map(HtmlAlternative::inline).toList()) + "</p>";
    }

    /** Items start "* "; the lines below an item, indented, are its details. */
    private static String list(String block) {
        List<List<String>> items = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (line.startsWith("* ") || items.isEmpty()) {
                items.add(new ArrayList<>(List.of(line.startsWith("* ") ? line.substring(2) : line)));
            } else {
                items.getLast().add(line.strip());
            }
        }
        StringBuilder list = new StringBuilder("<ul>");
        for (List<String> item : items) {
            list.append("\n<li>")
                    .append(String.join(
                            "<br>\n", item.stream().map(HtmlAlternative::inline).toList()))
                    .append("</li>");
        }
        return list.append("\n</ul>").toString();
    }

    /** A line's text escaped, its web addresses made links. */
    private static String inline(String line) {
        Matcher m = WEB_ADDRESS.matcher(line);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (m.find()) {
            out.append(escape(line.substring(at, m.start())));
            String url = escape(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            at = m.end();
        }
        return out.append(escape(line.substring(at))).toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
