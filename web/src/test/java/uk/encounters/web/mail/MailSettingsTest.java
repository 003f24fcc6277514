package uk.encounters.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void withoutSmtpHostNothingIsSent() {
        MailSettings settings = MailSettings.fromEnvironment(Map.of());

        assertThat(settings.sends()).isFalse();
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.from()).isEqualTo("Employer Encounters <no-reply@localhost>");
        assertThat(settings.startTls()).isEqualTo(StartTLSOptions.OPTIONAL);
    }

    @Test
    void readsEverySetting() {
        MailSettings settings = MailSettings.fromEnvironment(Map.of(
                "SMTP_HOST",
                "smtp.example.org",
                "SMTP_PORT",
                "2525",
                "SMTP_USERNAME",
                "mailer",
                "SMTP_PASSWORD",
                "s3cret",
                "SMTP_FROM",
                "Derby Hub <hub@example.org>",
                "SMTP_STARTTLS",
                "required"));

        assertThat(settings.sends()).isTrue();
        MailConfig config = settings.toMailConfig();
        assertThat(config.getHostname()).isEqualTo("smtp.example.org");
        assertThat(config.getPort()).isEqualTo(2525);
        assertThat(config.getStarttls()).isEqualTo(StartTLSOptions.REQUIRED);
        assertThat(config.getLogin()).isEqualTo(LoginOption.REQUIRED);
        assertThat(config.getUsername()).isEqualTo("mailer");
        assertThat(config.getPassword()).isEqualTo("s3cret");
        assertThat(config.isSsl()).isFalse();
        assertThat(settings.from()).isEqualTo("Derby Hub <hub@example.org>");
    }

    @Test
    void withoutUsernameTheClientDoesNotLogIn() {
        MailConfig config =
                MailSettings.fromEnvironment(Map.of("SMTP_HOST", "relay")).toMailConfig();

        assertThat(config.getLogin()).isEqualTo(LoginOption.DISABLED);
    }

    @Test
    void port465UsesTlsFromTheStart() {
        MailConfig config = MailSettings.fromEnvironment(Map.of("SMTP_HOST", "relay", "SMTP_PORT", "465"))
                .toMailConfig();

        assertThat(config.isSsl()).isTrue();
    }

    @Test
    void toStringNeverShowsThePassword() {
        MailSettings settings = MailSettings.fromEnvironment(
                Map.of("SMTP_HOST", "smtp.example.org", "SMTP_USERNAME", "mailer", "SMTP_PASSWORD", "s3cret"));

        assertThat(settings.toString())
                .doesNotContain("s3cret")
                .contains("smtp.example.org")
                .contains("mailer");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThatThrownBy(() -> MailSettings.fromEnvironment(Map.of("SMTP_PORT", "smtp")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMTP_PORT");
    }

    @Test
    void rejectsAnUnknownStartTlsMode() {
        assertThatThrownBy(() -> MailSettings.fromEnvironment(Map.of("SMTP_STARTTLS", "sometimes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMTP_STARTTLS");
    }
}
