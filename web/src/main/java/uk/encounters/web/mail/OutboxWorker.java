package uk.encounters.web.mail;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.outbox.PendingMessage;

/**
 * Sends the outbox by SMTP. Deploy it as a standard (event-loop) verticle: every few seconds it
 * claims a batch of due messages with a lease, sends them one by one and marks each sent, or
 * failed with a backoff. Any number of app instances can run one: claims never overlap, and a
 * crashed instance's claims run out and are picked up by the others.
 *
 * <p>Without SMTP_HOST it does nothing at all; the messages stay pending on the admin outbox page.
 * JDBC runs on the worker pool ({@code executeBlocking}), never on the event loop.
 */
public final class OutboxWorker extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final MailSettings settings;
    private final MessageLinks links;
    private final DeliveryTiming timing;
    /** Names this instance in outbox.claimed_by (at most 100 characters). */
    private final String claimant = "worker-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();

    // Touched only on this verticle's event loop.
    private MailClient mailClient;
    private long timerId = -1;
    private boolean stopping;
    private Future<Void> round = Future.succeededFuture();

    public OutboxWorker(Outbox outbox, MailSettings settings, MessageLinks links) {
        this(outbox, settings, links, DeliveryTiming.STANDARD);
    }

    public OutboxWorker(Outbox outbox, MailSettings settings, MessageLinks links, DeliveryTiming timing) {
        this.outbox = outbox;
        this.settings = settings;
        this.links = links;
        this.timing = timing;
    }

    @Override
    public Future<Void> start() {
        if (!settings.delivers()) {
            log.info("SMTP_HOST is not set: notifications stay in the outbox unsent");
            return Future.succeededFuture();
        }
        log.info("Sending the outbox through {}", settings);
        if (settings.sends()) {
            mailClient = MailClient.create(vertx, settings.toMailConfig());
        }
        scheduleNextRound();
        return Future.succeededFuture();
    }

    /** Finishes the message being sent, hands the rest of the batch back, and closes the SMTP connections. */
    @Override
    public Future<Void> stop() {
        stopping = true;
        vertx.cancelTimer(timerId);
        return round.eventually(() -> mailClient == null ? Future.succeededFuture() : mailClient.close());
    }

    public String claimant() {
        return claimant;
    }

    // A one-shot timer re-armed after each round, so rounds never overlap however slow SMTP is.
    private void scheduleNextRound() {
        scheduleNextRound(false);
    }

    /**
     * After a full batch more is likely waiting (a publication queues a digest per employer and
     * school), so the next round starts at once rather than after the poll interval, which would
     * cap each instance at one batch per interval and leave sign-in links queued behind a backlog.
     */
    private void scheduleNextRound(boolean moreWaiting) {
        if (!stopping) {
            timerId = vertx.setTimer(moreWaiting ? 1 : timing.pollInterval().toMillis(), id -> runRound());
        }
    }

    private void runRound() {
        round = blocking(() -> outbox.claimDue(claimant, timing.batchSize(), timing.lease()))
                .compose(batch -> deliverAll(batch).map(batch.size() == timing.batchSize()))
                .recover(failure -> {
                    // Typically PostgreSQL being down; claims not yet settled run out with their lease.
                    log.warn("Outbox round failed: {}", failure.toString());
                    return Future.succeededFuture(false);
                })
                .andThen(fullBatch -> scheduleNextRound(fullBatch.result()))
                .mapEmpty();
    }

    private Future<Void> deliverAll(List<PendingMessage> batch) {
        Future<Void> chain = Future.succeededFuture();
        for (PendingMessage pending : batch) {
            chain = chain.compose(done -> stopping ? release(pending) : deliver(pending));
        }
        return chain;
    }

    private Future<Void> deliver(PendingMessage pending) {
        return blocking(() -> links.asSent(pending.message()))
                .compose(this::send)
                .timeout(timing.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .transform(sent -> sent.succeeded() ? markSent(pending) : markFailed(pending, sent.cause()));
    }

    private Future<?> send(OutboxMessage message) {
        if (mailClient == null) {
            return blocking(() -> MailFolder.write(settings.folder().orElseThrow(), message, settings.from()));
        }
        try {
            return mailClient.sendMail(toMail(message));
        } catch (RuntimeException e) {
            // An address the client cannot encode must count as a failed attempt, not end the round
            // and leave the message to be claimed and fail again forever.
            return Future.failedFuture(e);
        }
    }

    private Future<Void> markSent(PendingMessage pending) {
        return blocking(() -> outbox.markSent(pending.id(), claimant)).map(marked -> {
            if (!marked) {
                // Only when a send outlasted the lease: another instance may send it again.
                log.warn("Outbox message {} was sent after its claim ran out", pending.id());
            }
            return null;
        });
    }

    private Future<Void> markFailed(PendingMessage pending, Throwable cause) {
        int failedAttempts = pending.attempts() + 1;
        String error = describe(cause);
        Optional<Duration> retryAfter = timing.backoff().retryAfter(failedAttempts);
        // The id, not the recipient: addresses are personal data and stay out of the logs.
        log.warn(
                "Could not send outbox message {} ({}), attempt {}, {}: {}",
                pending.id(),
                pending.message().kind(),
                failedAttempts,
                retryAfter.map(d -> "retrying in " + d).orElse("giving up"),
                error);
        return blocking(() -> retryAfter.isPresent()
                        ? outbox.markFailed(pending.id(), claimant, error, retryAfter.get())
                        : outbox.markGaveUp(pending.id(), claimant, error))
                .mapEmpty();
    }

    private Future<Void> release(PendingMessage pending) {
        return blocking(() -> outbox.release(pending.id(), claimant)).mapEmpty();
    }

    private MailMessage toMail(OutboxMessage message) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add(
                        "Message-ID",
                        MessageId.forKey(message.idempotencyKey(), links.host()).value())
                // every message is written by the app (RFC 3834): out-of-office replies stay away
                .add("Auto-Submitted", "auto-generated");
        if (message.replyTo() != null) {
            // sent from an address nobody reads: a reply reaches the person who can answer it
            headers.add("Reply-To", message.replyTo());
        }
        if (message.listUnsubscribe() != null) {
            // one click in the mail app stops these messages, without a page to find (RFC 8058)
            headers.add("List-Unsubscribe", "<" + message.listUnsubscribe() + ">");
            headers.add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MailMessage mail = new MailMessage()
                .setFrom(settings.from())
                .setTo(message.recipient())
                .setSubject(message.subject())
                .setText(message.bodyText())
                .setHtml(message.bodyHtml() != null ? message.bodyHtml() : HtmlAlternative.of(message.bodyText()))
                .setHeaders(headers);
        if (!message.attachments().isEmpty()) {
            mail.setAttachment(message.attachments().stream()
                    .map(a -> MailAttachment.create()
                            .setName(a.filename())
                            .setContentType(a.contentType())
                            .setData(Buffer.buffer(a.content())))
                    .toList());
        }
        return mail;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
