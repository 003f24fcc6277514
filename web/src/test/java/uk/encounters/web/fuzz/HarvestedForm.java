package uk.encounters.web.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A POST form as a page shows it: where it posts, how (urlencoded or multipart), and the fields a
 * browser would send if the person changed nothing (hidden values, text values, ticked boxes, the
 * chosen or first real option of each select), except that of a group of radio buttons none of
 * which is chosen it takes the first, as a person must choose one. The CSRF field is left out: the
 * sender adds it. The first button with a name adds its name and value, as if it were clicked. A
 * button with its own {@code formaction} posts the same fields elsewhere: that is a form of its own here.
 */
record HarvestedForm(
        String action, boolean multipart, List<Map.Entry<String, String>> fields, List<String> fileFields) {

    private static final Pattern FORM = Pattern.compile("(?is)<form\\b([^>]*)>(.*?)</form>");
    private static final Pattern TAG = Pattern.compile("(?is)<(input|select|textarea)\\b([^>]*)>(?:(.*?)</\\1>)?");
    private static final Pattern OPTION = Pattern.compile("(?is)<option\\b([^>]*)>");
    private static final Pattern BUTTON = Pattern.compile("(?is)<button\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(?is)([a-z-]+)(?:\\s*=\\s*\"([^\"]*)\")?");
    static final String CSRF_FIELD = "X-XSRF-TOKEN";

    /** Every POST form on the page. */
    static List<HarvestedForm> on(String html) {
        List<HarvestedForm> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            if (!"post".equalsIgnoreCase(attributes.getOrDefault("method", "get"))
                    || !attributes.containsKey("action")) {
                continue;
            }
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            List<String> files = new ArrayList<>();
            Map<String, String> firstRadio = new java.util.LinkedHashMap<>();
            java.util.Set<String> chosenRadio = new java.util.HashSet<>();
            Matcher tag = TAG.matcher(form.group(2));
            while (tag.find()) {
                Map<String, String> field = attributes(tag.group(2));
                String name = field.get("name");
                if (name == null || name.equals(CSRF_FIELD)) {
                    continue;
                }
                switch (tag.group(1).toLowerCase()) {
                    case "select" ->
                        fields.add(Map.entry(name, chosenOption(tag.group(3) == null ? "" : tag.group(3))));
                    case "textarea" -> fields.add(Map.entry(name, unescape(tag.group(3) == null ? "" : tag.group(3))));
                    default -> {
                        String type = field.getOrDefault("type", "text").toLowerCase();
                        if (type.equals("file")) {
                            files.add(name);
                        } else if (type.equals("checkbox") || type.equals("radio")) {
                            if (field.containsKey("checked")) {
                                fields.add(Map.entry(name, field.getOrDefault("value", "on")));
                                chosenRadio.add(name);
                            } else if (type.equals("radio")) {
                                firstRadio.putIfAbsent(name, field.getOrDefault("value", "on"));
                            }
                        } else if (!type.equals("submit") && !type.equals("button")) {
                            fields.add(Map.entry(name, field.getOrDefault("value", "")));
                        }
                    }
                }
            }
            firstRadio.forEach((name, value) -> {
                if (!chosenRadio.contains(name)) {
                    fields.add(Map.entry(name, value));
                }
            });
            boolean multipart = "multipart/form-data".equalsIgnoreCase(attributes.get("enctype"));
            List<String> elsewhere = new ArrayList<>();
            boolean clicked = false;
            Matcher button = BUTTON.matcher(form.group(2));
            while (button.find()) {
                Map<String, String> buttonAttributes = attributes(button.group(1));
                if (buttonAttributes.containsKey("formaction")) {
                    elsewhere.add(buttonAttributes.get("formaction"));
                } else if (!clicked && buttonAttributes.containsKey("name")) {
                    fields.add(Map.entry(buttonAttributes.get("name"), buttonAttributes.getOrDefault("value", "")));
                    clicked = true; // a browser sends the button clicked: here the first
                }
            }
            forms.add(new HarvestedForm(attributes.get("action"), multipart, List.copyOf(fields), List.copyOf(files)));
            elsewhere.forEach(
                    action -> forms.add(new HarvestedForm(action, multipart, List.copyOf(fields), List.copyOf(files))));
        }
        return forms;
    }

    /** The path the form posts to, without its query. */
    String path() {
        int query = action.indexOf('?');
        return query < 0 ? action : action.substring(0, query);
    }

    int size() {
        return fields.size() + fileFields.size();
    }

    private static String chosenOption(String options) {
        String first = null;
        Matcher option = OPTION.matcher(options);
        while (option.find()) {
            Map<String, String> attributes = attributes(option.group(1));
            String value = attributes.getOrDefault("value", "");
            if (attributes.containsKey("selected")) {
                return value;
            }
            if (first == null && !value.isEmpty()) {
                first = value;
            }
        }
        return first == null ? "" : first;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.putIfAbsent(
                    attribute.group(1).toLowerCase(), attribute.group(2) == null ? "" : unescape(attribute.group(2)));
        }
        return attributes;
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#39;", "'")
                .replace("&#x3D;", "=")
                .replace("&#x60;", "`")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
