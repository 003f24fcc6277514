package uk.encounters.web.school;

import io.nayuki.qrcodegen.QrCode;

/**
 * A link as a QR code, drawn as SVG in the page itself: it prints sharp at any size and needs no
 * image request (nor JavaScript). A phone's camera opens the link.
 */
final class LinkQrCode {

    /** The quiet zone the standard asks for around the code, in modules. */
    private static final int BORDER = 4;

    private LinkQrCode() {}

    /** The SVG element, labelled for screen readers (who follow the link written beside it). */
    static String svg(String url, String label) {
        QrCode qr = QrCode.encodeText(url, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + BORDER)
                            .append(',')
                            .append(y + BORDER)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" viewBox=\"0 0 " + size + " " + size
                + "\" role=\"img\" aria-label=\""
                + label.replace("\"", "&quot;").replace("<", "&lt;")
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
