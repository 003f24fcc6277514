package uk.encounters.web.employer;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import uk.encounters.marketplace.placement.PlacementDocumentRepository.DocumentContent;

/**
 * A file of a host's placement paperwork, sent as a download: never shown in the browser, so a file
 * that is something other than it seemed cannot run as a page of this site. Whoever sends it has
 * checked the reader may have it.
 */
public final class PaperworkDownload {

    private PaperworkDownload() {}

    public static void send(RoutingContext ctx, DocumentContent file) {
        ctx.response()
                .putHeader("Content-Type", file.type().getLiteral())
                .putHeader("Content-Disposition", attachment(file.fileName()))
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(file.content()));
    }

    /** RFC 6266: a plain ASCII name for old browsers, and the name as sent in UTF-8 for the rest. */
    static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints()
                .forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
