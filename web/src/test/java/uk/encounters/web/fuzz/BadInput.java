package uk.encounters.web.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Bad input for one form, drawn from a seeded {@link Random}: the same seed gives the same posts.
 * Each post starts from the form as a browser would send it and spoils it in one way: bad values
 * (wrong types, impossible dates, odd unicode, SQL and HTML injection, oversize), invalid UTF-8,
 * repeated, missing or extra fields, a missing or wrong CSRF token, or the wrong content type.
 */
final class BadInput {

    /** Kinds of spoiling, with how often each is drawn (out of the sum). */
    enum Attack {
        FIELD_VALUES(34),
        RAW_BYTES(10),
        REPEATED_FIELDS(8),
        MISSING_FIELDS(8),
        EXTRA_FIELDS(8),
        NO_CSRF(6),
        WRONG_CSRF(6),
        CONTENT_TYPE(8),
        OVERSIZE(12);

        final int weight;

        Attack(int weight) {
            this.weight = weight;
        }
    }

    /** One post: its body as sent, its content type (null for none), and what was done, to read in a failure. */
    record Post(Attack attack, String contentType, byte[] body, String description) {}

    /** HTML that must never come back unescaped; each starts with '<', which escaping always changes. */
    static final List<String> MARKERS = List.of(
            "<script>alert('fuzz')", "<img src=x onerror=alert('fuzz')", "<svg/onload=alert('fuzz')", "<fuzz-tag");

    private static final List<String> HTML = List.of(
            "<script>alert('fuzz')</script>",
            "\"><img src=x onerror=alert('fuzz')>",
            "'><svg/onload=alert('fuzz')>",
            "</textarea><script>alert('fuzz')</script>",
            "<fuzz-tag title=\"x\">",
            "javascript:alert('fuzz')",
            "{{fuzz}}{{{fuzz}}}",
            "\"--><fuzz-tag>",
            "=HYPERLINK(\"http://x\")");
    private static final List<String> SQL = List.of(
            "' OR '1'='1",
            "'; drop table school; --",
            "1; select pg_sleep(10)--",
            "\\",
            "%' --",
            "$$;",
            "1' and 1=cast((select version()) as int)--",
            "' || (select string_agg(email, ',') from app_user) || '",
            "1 union select null, null--",
            "E'\\\\x00'");
    private static final List<String> NUMBERS = List.of(
            "abc",
            "12abc",
            "1e9",
            "0x1F",
            "１２",
            "1,000",
            "-1",
            "-2147483649",
            "2147483648",
            "99999999999999999999999",
            "NaN",
            "Infinity",
            "1.5",
            " 7 ",
            "0",
            "-0",
            "+3",
            "١٢",
            "9223372036854775808",
            "£-5",
            "£1e999",
            "4.999999999999999999",
            "00000000000000000007");
    private static final List<String> DATES = List.of(
            "2027-02-30",
            "2027-13-01",
            "2027-00-10",
            "0000-01-01",
            "-2027-01-01",
            "+99999-01-01",
            "31/02/2027",
            "2027-02-28T10:00:00",
            "2027-2-3",
            "yesterday",
            "2027/03/15",
            "1900-01-01",
            "2999-12-31",
            "20270315",
            "15/03/27",
            "2026-11-23",
            "2026-11-22",
            "32/13/2027");
    private static final List<String> UNICODE = List.of(
            "\u0000",
            "a\u0000b",
            "\u202Eevil\u202C",
            "👩🏽‍🔬🚀",
            "e" + "\u0301".repeat(60),
            "\uFEFFbom",
            "\u200B\u200D",
            "Ω≈ç√∫",
            "𝕱𝖚𝖟𝖟",
            "\r\n\r\nSubject: injected",
            "line\nbreak",
            "\t",
            "\uFFFF\uFFFE",
            "ǅǈ",
            "ﬀ",
            "İstanbul",
            "Straße",
            " ",
            "");
    /** Byte sequences that are not UTF-8: lone surrogates as CESU bytes, overlong forms, truncated and stray bytes. */
    private static final List<byte[]> INVALID_UTF8 = List.of(
            bytes("EDA080"),
            bytes("EDB080"),
            bytes("EDA0BDEDB880"),
            bytes("FFFE"),
            bytes("C328"),
            bytes("C0AF"),
            bytes("E080AF"),
            bytes("F4908080"),
            bytes("80"),
            bytes("E282"),
            bytes("F8888080"),
            bytes("00"));

    private static final List<String> EXTRA_NAMES = List.of(
            "id",
            "hubId",
            "schoolId",
            "employerId",
            "userId",
            "status",
            "role",
            "admin",
            "__proto__",
            "constructor",
            "a[]",
            "a[0]",
            "x.y",
            "ñame",
            "",
            "=",
            "&",
            HarvestedForm.CSRF_FIELD + "2");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "text/plain",
            "",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "application/x-www-form-urlencoded; charset=UTF-16",
            "application/x-www-form-urlencoded; charset=ISO-8859-1",
            "application/xml",
            "application/x-www-form-urlencoded");
    private static final int[] OVERSIZE = {2_000, 10_000, 60_000, 64 * 1024, 70_000, 200_000};
    private static final int[] OVERSIZE_UPLOAD = {60_000, 500_000, 2 * 1024 * 1024 - 500, 2 * 1024 * 1024 + 1, 3_000_000
    };

    private final Random random;

    BadInput(long seed) {
        this.random = new Random(seed);
    }

    /** The form as its page shows it, with the CSRF token: what a browser sends when nothing is changed. */
    static Post unspoiled(HarvestedForm form, String token) {
        List<Field> fields = new ArrayList<>();
        form.fields().forEach(f -> fields.add(Field.of(f.getKey(), f.getValue())));
        fields.add(Field.of(HarvestedForm.CSRF_FIELD, token));
        if (form.multipart()) {
            List<Field> files = form.fileFields().stream()
                    .map(name -> new Field(utf8(name), new byte[0]))
                    .toList();
            String boundary = "----unspoiled";
            return new Post(
                    null,
                    "multipart/form-data; boundary=" + boundary,
                    multipartBody(boundary, fields, files, ""),
                    "unspoiled");
        }
        return new Post(null, "application/x-www-form-urlencoded", urlencodedAsIs(fields), "unspoiled");
    }

    private static byte[] urlencodedAsIs(List<Field> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Field field : fields) {
            if (body.size() > 0) {
                body.write('&');
            }
            encode(field.name, false, body);
            body.write('=');
            encode(field.value, false, body);
        }
        return body.toByteArray();
    }

    /** A spoiled post of {@code form}, with {@code token} as the page's CSRF token. */
    Post next(HarvestedForm form, String token) {
        Attack attack = attack();
        List<Field> fields = new ArrayList<>();
        form.fields().forEach(f -> fields.add(Field.of(f.getKey(), f.getValue())));
        List<Field> files = new ArrayList<>();
        // no file chosen, as a browser sends it; the spoiling may put one in
        form.fileFields().forEach(name -> files.add(new Field(utf8(name), new byte[0])));
        String csrf = token;
        StringBuilder what = new StringBuilder(attack.name());
        switch (attack) {
            case FIELD_VALUES -> spoilValues(fields, files, 1 + random.nextInt(3), what);
            case RAW_BYTES -> {
                for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                    Field field = pickOrAdd(fields, what);
                    field.value = concat(field.value, pick(INVALID_UTF8), utf8(pick(UNICODE)));
                }
                if (!files.isEmpty()) {
                    files.getFirst().value = concat(files.getFirst().value, pick(INVALID_UTF8), pick(INVALID_UTF8));
                }
            }
            case REPEATED_FIELDS -> {
                for (int i = 0, n = 1 + random.nextInt(3); i < n && !fields.isEmpty(); i++) {
                    Field field = fields.get(random.nextInt(fields.size()));
                    for (int copies = 1 + random.nextInt(4); copies > 0; copies--) {
                        fields.add(random.nextInt(fields.size() + 1), new Field(field.name, utf8(badValue(what))));
                    }
                    what.append(" repeated ").append(text(field.name));
                }
            }
            case MISSING_FIELDS -> {
                boolean all = random.nextInt(4) == 0;
                fields.removeIf(f -> all || random.nextBoolean());
                if (all || random.nextBoolean()) {
                    files.clear();
                }
                what.append(all ? " all" : " some")
                        .append(", left ")
                        .append(fields.stream().map(f -> text(f.name)).toList());
            }
            case EXTRA_FIELDS -> {
                for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                    String name = random.nextInt(3) == 0 ? randomName() : pick(EXTRA_NAMES);
                    fields.add(random.nextInt(fields.size() + 1), Field.of(name, badValue(what)));
                    what.append(" +").append(name);
                }
            }
            case NO_CSRF -> csrf = null;
            case WRONG_CSRF -> {
                csrf = switch (random.nextInt(5)) {
                    case 0 -> "";
                    case 1 -> token + "x";
                    case 2 -> token.substring(0, token.length() / 2);
                    case 3 -> HexFormat.of().formatHex(randomBytes(32));
                    default -> token.replace('.', '-');
                };
                what.append(" token=").append(csrf.length() > 20 ? csrf.substring(0, 20) + "..." : csrf);
            }
            case CONTENT_TYPE -> {
                return wrongContentType(form, fields, token, what);
            }
            case OVERSIZE -> {
                int size = form.multipart() ? pick(OVERSIZE_UPLOAD) : pick(OVERSIZE);
                if (form.multipart() && !files.isEmpty() && random.nextBoolean()) {
                    files.getFirst().value = csvOfSize(size);
                    what.append(" file of ").append(size).append(" bytes");
                } else {
                    Field field = pickOrAdd(fields, what);
                    field.value = utf8(longText(size));
                    what.append(" ")
                            .append(text(field.name))
                            .append(" of ")
                            .append(size)
                            .append(" characters");
                }
            }
        }
        if (csrf != null) {
            fields.add(random.nextInt(fields.size() + 1), Field.of(HarvestedForm.CSRF_FIELD, csrf));
        }
        return form.multipart()
                ? multipart(attack, fields, files, what.toString())
                : new Post(
                        attack,
                        "application/x-www-form-urlencoded",
                        urlencoded(fields, attack == Attack.RAW_BYTES),
                        what.toString());
    }

    private void spoilValues(List<Field> fields, List<Field> files, int count, StringBuilder what) {
        for (int i = 0; i < count; i++) {
            Field field = pickOrAdd(fields, what);
            field.value = utf8(badValue(what));
            what.append(" in ").append(text(field.name));
        }
        if (!files.isEmpty() && random.nextBoolean()) {
            boolean bad = random.nextBoolean();
            files.getFirst().value = csv(bad);
            what.append(bad ? " bad CSV" : " a CSV of odd shape");
        }
    }

    private Post wrongContentType(HarvestedForm form, List<Field> fields, String token, StringBuilder what) {
        fields.add(Field.of(HarvestedForm.CSRF_FIELD, token));
        String type = pick(CONTENT_TYPES);
        what.append(" as '").append(type).append("'");
        byte[] body = switch (type) {
            case "application/json" ->
                utf8("{"
                        + String.join(
                                ",",
                                fields.stream()
                                        .map(f -> "\"" + text(f.name) + "\":\""
                                                + text(f.value).replace("\"", "\\\"") + "\"")
                                        .toList())
                        + "}");
            case "application/xml" ->
                utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
            case "application/x-www-form-urlencoded" ->
                form.multipart()
                        ? urlencoded(fields, false)
                        : utf8(pick(List.of("%%%&&==%zz", "=&=&=", "&&&", "a=%", "a=%G0", "%FF%FE=%FF", "a==b==c")));
            case "application/x-www-form-urlencoded; charset=UTF-16" ->
                text(urlencoded(fields, false)).getBytes(StandardCharsets.UTF_16);
            default -> urlencoded(fields, false);
        };
        return new Post(Attack.CONTENT_TYPE, type.isEmpty() ? null : type, body, what.toString());
    }

    private String badValue(StringBuilder what) {
        int kind = random.nextInt(8);
        what.append(" ")
                .append(List.of("number", "date", "unicode", "sql", "html", "long", "empty", "blank")
                        .get(kind));
        return switch (kind) {
            case 0 -> pick(NUMBERS);
            case 1 -> pick(DATES);
            case 2 -> pick(UNICODE) + (random.nextBoolean() ? pick(UNICODE) : "");
            case 3 -> pick(SQL);
            case 4 -> pick(HTML);
            case 5 -> longText(1 + random.nextInt(random.nextBoolean() ? 300 : 5_000));
            case 6 -> "";
            default -> " ".repeat(1 + random.nextInt(5));
        };
    }

    private Field pickOrAdd(List<Field> fields, StringBuilder what) {
        if (fields.isEmpty() || random.nextInt(10) == 0) {
            Field added = Field.of(
                    pick(List.of(
                            "name",
                            "email",
                            "date",
                            "from",
                            "until",
                            "pupils",
                            "sessions",
                            "reason",
                            "amount",
                            "yearGroup",
                            "seconds",
                            "type",
                            "password",
                            "q")),
                    "");
            fields.add(added);
            what.append(" (added ").append(text(added.name)).append(")");
            return added;
        }
        return fields.get(random.nextInt(fields.size()));
    }

    /** A CSV a school or employer might paste: the right shape, or rows of bad values. */
    private byte[] csv(boolean bad) {
        StringBuilder csv = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
        csv.append(pick(List.of(
                "reference,year_group,disadvantaged,send,eal",
                "name,email,safeguarding_checked_until",
                "type,title,year_from,year_to,pupils,from,until",
                "reference,date,type,provider,attended",
                "")));
        for (int row = 0, rows = random.nextInt(6); row < rows; row++) {
            csv.append(random.nextBoolean() ? "\r\n" : "\n");
            for (int column = 0, columns = random.nextInt(8); column < columns; column++) {
                String value = bad ? badValue(new StringBuilder()) : "P" + random.nextInt(1000);
                csv.append(column == 0 ? "" : random.nextInt(5) == 0 ? ";" : ",")
                        .append(random.nextBoolean() ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
            }
        }
        return utf8(csv.toString());
    }

    private byte[] csvOfSize(int size) {
        StringBuilder csv = new StringBuilder("reference,year_group\n");
        for (int i = 0; csv.length() < size; i++) {
            csv.append("R").append(i).append(",").append(7 + i % 7).append("\n");
        }
        return utf8(csv.substring(0, size));
    }

    private Post multipart(Attack attack, List<Field> fields, List<Field> files, String what) {
        String boundary = "----fuzz" + Long.toHexString(random.nextLong());
        String filename = pick(List.of("pupils.csv", "../../etc/passwd", "naïve ünïcode.csv", "a\"b.csv", "x.exe"));
        return new Post(
                attack,
                "multipart/form-data; boundary=" + boundary,
                multipartBody(boundary, fields, files, filename),
                what);
    }

    /** A multipart body; a file with no content goes as a browser sends an empty file input (no file name). */
    private static byte[] multipartBody(String boundary, List<Field> fields, List<Field> files, String filename) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Field field : fields) {
            body.writeBytes(utf8(
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + text(field.name) + "\"\r\n\r\n"));
            body.writeBytes(field.value);
            body.writeBytes(utf8("\r\n"));
        }
        for (Field file : files) {
            boolean none = file.value.length == 0;
            body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + text(file.name)
                    + "\"; filename=\"" + (none ? "" : filename) + "\"\r\nContent-Type: "
                    + (none ? "application/octet-stream" : "text/csv") + "\r\n\r\n"));
            body.writeBytes(file.value);
            body.writeBytes(utf8("\r\n"));
        }
        body.writeBytes(utf8("--" + boundary + "--\r\n"));
        return body.toByteArray();
    }

    /** Percent-encodes every byte outside the unreserved set; with {@code raw}, some bytes go as they are. */
    private byte[] urlencoded(List<Field> fields, boolean raw) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean first = true;
        for (Field field : fields) {
            if (!first) {
                body.write('&');
            }
            first = false;
            encode(field.name, raw && random.nextInt(4) == 0, body);
            body.write('=');
            encode(field.value, raw && random.nextInt(3) == 0, body);
        }
        return body.toByteArray();
    }

    private static void encode(byte[] value, boolean raw, ByteArrayOutputStream out) {
        for (byte b : value) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
            if (unreserved || (raw && c >= 0x80)) {
                out.write(c);
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private String longText(int length) {
        String unit = pick(List.of("a", "é", "👍", "<fuzz-tag>", "' OR 1=1 ", "9", "\u0301"));
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(unit);
        }
        return text.substring(0, length);
    }

    private String randomName() {
        return new String(randomBytes(1 + random.nextInt(12)), StandardCharsets.ISO_8859_1);
    }

    private Attack attack() {
        int total = 0;
        for (Attack a : Attack.values()) {
            total += a.weight;
        }
        int draw = random.nextInt(total);
        for (Attack a : Attack.values()) {
            draw -= a.weight;
            if (draw < 0) {
                return a;
            }
        }
        throw new IllegalStateException();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A field as bytes, so a value can hold what no Java string encodes. */
    private static final class Field {
        final byte[] name;
        byte[] value;

        Field(byte[] name, byte[] value) {
            this.name = name;
            this.value = value;
        }

        static Field of(String name, String value) {
            return new Field(utf8(name), utf8(value));
        }
    }
}
