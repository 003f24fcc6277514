package uk.encounters.web.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Just enough of an SMTP server on 127.0.0.1 for the Vert.x mail client: greeting, EHLO/HELO
 * (advertising no extensions, so no TLS and no login), MAIL, RCPT, DATA, RSET, NOOP, QUIT. It
 * records every message it accepts, and can be told to refuse mail with a given reply.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** One accepted message: the envelope and the raw DATA with dot-stuffing undone. */
    public record ReceivedMail(String from, List<String> recipients, String data) {

        /** The value of the first header with this name, unfolded (a long header goes on over several lines), or null. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            String headers = data.split("\r\n\r\n", 2)[0].replaceAll("\r\n[ \t]+", " ");
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            return null;
        }
    }

    private final ServerSocket server;
    private final List<ReceivedMail> received = new CopyOnWriteArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile String refusal;
    private volatile Duration acceptanceDelay = Duration.ZERO;
    private volatile Runnable atMailFrom = () -> {};
    private volatile Consumer<ReceivedMail> beforeAccepting = mail -> {};

    private FakeSmtpServer(ServerSocket server) {
        this.server = server;
    }

    public static FakeSmtpServer start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        FakeSmtpServer smtp = new FakeSmtpServer(socket);
        Thread.ofVirtual().name("fake-smtp-accept").start(smtp::acceptConnections);
        return smtp;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on answer MAIL FROM with this reply (e.g. "550 5.7.1 Relaying denied"). */
    public void refuseWith(String reply) {
        refusal = reply;
    }

    /** From now on take this long to accept each message, like a slow relay. */
    public void delayEachMessage(Duration delay) {
        acceptanceDelay = delay;
    }

    /** Runs when a client starts a message (MAIL FROM), before the server answers: where a test can kill the sender. */
    void atMailFrom(Runnable hook) {
        atMailFrom = hook;
    }

    /** Runs with each message once it is recorded, before the server answers that it is accepted. */
    void beforeAccepting(Consumer<ReceivedMail> hook) {
        beforeAccepting = hook;
    }

    /** From now on accept mail again. */
    public void recover() {
        refusal = null;
    }

    public List<ReceivedMail> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                Thread.ofVirtual().name("fake-smtp-session").start(() -> converse(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (connection) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = connection.getOutputStream();
            reply(out, "220 fake-smtp ESMTP ready");
            String from = null;
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 fake-smtp");
                    case "MAIL" -> {
                        atMailFrom.run();
                        String refused = refusal;
                        if (refused != null) {
                            reply(out, refused);
                        } else {
                            from = line.substring(line.indexOf(':') + 1).trim();
                            recipients.clear();
                            reply(out, "250 2.1.0 Ok");
                        }
                    }
                    case "RCPT" -> {
                        recipients.add(line.substring(line.indexOf(':') + 1).trim());
                        reply(out, "250 2.1.5 Ok");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String data = readData(in);
                        if (data == null) {
                            return; // the client went away in the middle of the message: nothing was accepted
                        }
                        Thread.sleep(acceptanceDelay);
                        ReceivedMail mail = new ReceivedMail(from, List.copyOf(recipients), data);
                        received.add(mail);
                        beforeAccepting.accept(mail);
                        from = null;
                        recipients.clear();
                        reply(out, "250 2.0.0 Ok: queued");
                    }
                    case "RSET" -> {
                        from = null;
                        recipients.clear();
                        reply(out, "250 2.0.0 Ok");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 Ok");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognised");
                }
            }
        } catch (SocketException e) {
            // closed by the client or by close(): the session is over
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(connection);
        }
    }

    /** The message up to the line with a single dot, or null when the connection ends before it. */
    private static String readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals(".")) {
                return data.toString();
            }
            data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return null;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
