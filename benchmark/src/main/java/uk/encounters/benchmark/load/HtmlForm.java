package uk.encounters.benchmark.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields a browser would send for one form of a page, as the page filled them in: text inputs
 * with their values, ticked boxes, the selected option of each select. Good enough for our own
 * server-rendered forms, which is all the load test posts.
 */
final class HtmlForm {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> choices = new LinkedHashMap<>();

    /** The first form on the page whose action is exactly {@code action}. */
    static Optional<HtmlForm> find(String html, String action) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            if (action.equals(attribute(form.group(1), "action"))) {
                return Optional.of(read(form.group(2)));
            }
        }
        return Optional.empty();
    }

    private static HtmlForm read(String body) {
        HtmlForm form = new HtmlForm();
        Matcher input = INPUT.matcher(body);
        while (input.find()) {
            String attributes = input.group(1);
            String name = attribute(attributes, "name");
            String type = attribute(attributes, "type");
            if (name == null || "submit".equals(type)) {
                continue;
            }
            if (("checkbox".equals(type) || "radio".equals(type)) && !attributes.contains(" checked")) {
                continue;
            }
            form.fields.put(name, value(attributes));
        }
        Matcher select = SELECT.matcher(body);
        while (select.find()) {
            String name = attribute(select.group(1), "name");
            Matcher option = OPTION.matcher(select.group(2));
            List<String> values = new ArrayList<>();
            form.choices.put(name, values);
            while (option.find()) {
                values.add(value(option.group(1)));
                if (option.group(1).contains(" selected")) {
                    form.fields.put(name, value(option.group(1)));
                }
            }
        }
        Matcher textarea = TEXTAREA.matcher(body);
        while (textarea.find()) {
            form.fields.put(attribute(textarea.group(1), "name"), unescape(textarea.group(2)));
        }
        return form;
    }

    HtmlForm with(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /** The non-empty option values of a select, in page order. */
    List<String> choices(String name) {
        return choices.getOrDefault(name, List.of()).stream()
                .filter(v -> !v.isEmpty())
                .toList();
    }

    Map<String, String> fields() {
        return fields;
    }

    private static String value(String attributes) {
        String value = attribute(attributes, "value");
        return value == null ? "" : value;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#x3D;", "=")
                .replace("&#x60;", "`")
                .replace("&amp;", "&");
    }
}
