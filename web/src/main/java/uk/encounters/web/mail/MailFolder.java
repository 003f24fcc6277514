package uk.encounters.web.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import uk.encounters.marketplace.outbox.OutboxMessage;

/**
 * Where the demo "sends" email: each message a text file in a folder, links filled in, for the
 * person trying the app to open. Never for real use: the files hold live links.
 */
final class MailFolder {

    private MailFolder() {}

    static Path write(Path folder, OutboxMessage message, String from) {
        try {
            Files.createDirectories(folder);
            // the idempotency key names the event; a resend overwrites its earlier copy
            String name = message.idempotencyKey().replaceAll("[^A-Za-z0-9_-]", "-") + ".txt";
            Path file = folder.resolve(name);
            String text = "From: " + from + "\nTo: " + message.recipient() + "\nSubject: " + message.subject() + "\n\n"
                    + message.bodyText();
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the message to " + folder, e);
        }
    }
}
