package uk.encounters.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void takesAJdbcUrlAsItIs() {
        var settings =
                DatabaseSettings.fromUrl("jdbc:postgresql://db:5432/encounters?sslmode=require", "app", "s3cret");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/encounters?sslmode=require");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("s3cret");
    }

    @Test
    void turnsAHostingStyleUrlIntoJdbcWithItsCredentials() {
        var settings = DatabaseSettings.fromUrl("postgres://app:p%40ss@db.example.org/encounters", null, null);

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:5432/encounters");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("p@ss");
    }

    @Test
    void separateCredentialsWinOverTheUrls() {
        var settings = DatabaseSettings.fromUrl("postgresql://app:old@db:6543/encounters", "other", "new");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:6543/encounters");
        assertThat(settings.user()).isEqualTo("other");
        assertThat(settings.password()).isEqualTo("new");
    }

    @Test
    void neverShowsThePasswordWhenDescribed() {
        var settings = DatabaseSettings.fromUrl("jdbc:postgresql://db/encounters?user=app&password=hunter2", null, "x");

        assertThat(settings.describe()).doesNotContain("hunter2").contains("password=***");
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("x]");
    }

    @Test
    void refusesAUrlThatIsNotPostgres() {
        assertThatThrownBy(() -> DatabaseSettings.fromUrl("mysql://db/encounters", null, null))
                .hasMessageContaining("DATABASE_URL must start with");
    }
}
