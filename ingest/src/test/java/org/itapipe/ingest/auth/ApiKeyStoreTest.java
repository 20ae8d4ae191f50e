package org.itapipe.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");

    @Test
    void aRunningStoreFollowsKeysCreatedAndRevokedByAnotherProcess(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        ApiKeyStore running = ApiKeyStore.load(file);

        ApiKeyStore command = ApiKeyStore.load(file);
        ApiKeyStore.CreatedKey created = command.create("Saraburi office", Scope.parse("province:19"));
        command.save(file);
        Thread.sleep(1_100);

        assertThat(running.authenticate(created.plainText(), NOW).acceptedKey()).map(ApiKey::name).contains("Saraburi office");

        ApiKeyStore revoking = ApiKeyStore.load(file);
        assertThat(revoking.revoke(created.key().id())).isTrue();
        revoking.save(file);
        Thread.sleep(1_100);

        assertThat(running.authenticate(created.plainText(), NOW).acceptedKey()).isEmpty();
        assertThat(revoking.revoke("nonexistent")).isFalse();
    }

    @Test
    void onlyTheHashIsStoredAndAWrongSecretIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        ApiKeyStore store = ApiKeyStore.load(file);
        ApiKeyStore.CreatedKey created = store.create("office", Scope.parse("national"));
        store.save(file);

        String stored = Files.readString(file);
        // The secret is base64url, which may itself contain '_': it is everything after "ita_<id>_".
        String secret = created.plainText().substring(("ita_" + created.key().id() + "_").length());
        assertThat(stored).doesNotContain(secret).contains(created.key().id());
        assertThat(store.authenticate(created.plainText() + "x", NOW)).isEqualTo(
                new Authentication.Refused(Optional.of(created.key().id()), "unknown key or wrong secret"));
    }

    @Test
    void anUnknownIdIsRefusedInTheSameWordsAsAWrongSecret() {
        ApiKeyStore store = ApiKeyStore.empty();

        assertThat(store.authenticate("ita_0123456789ab_secret", NOW)).isEqualTo(
                new Authentication.Refused(Optional.of("0123456789ab"), "unknown key or wrong secret"));
        assertThat(store.authenticate("Basic abc", NOW)).isEqualTo(
                new Authentication.Refused(Optional.empty(), "not an itapipe API key (ita_<id>_<secret>)"));
        assertThat(store.authenticate(null, NOW)).isEqualTo(
                new Authentication.Refused(Optional.empty(), "no API key was sent"));
    }

    @Test
    void aKeyIsRefusedFromTheInstantItExpiresAndTheExpiryIsKeptInTheFile(@TempDir Path dir) {
        Path file = dir.resolve("keys.json");
        ApiKeyStore store = ApiKeyStore.load(file);
        Instant expiry = Instant.parse("2027-03-31T17:00:00Z");
        ApiKeyStore.CreatedKey created = store.create("Saraburi office", Scope.parse("province:19"),
                Optional.of(expiry));
        store.save(file);
        ApiKeyStore reread = ApiKeyStore.load(file);

        assertThat(reread.authenticate(created.plainText(), expiry.minusMillis(1)).acceptedKey()).isPresent();
        assertThat(reread.authenticate(created.plainText(), expiry)).isEqualTo(new Authentication.Refused(
                Optional.of(created.key().id()), "the key expired at 2027-03-31T17:00:00Z; ask for a new one"));
    }

    @Test
    void aKeyFileOfAnotherVersionOrWithAnUnknownFieldIsRefusedNotHalfRead(@TempDir Path dir) throws Exception {
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"version\":2,\"keys\":[]}");
        Path unknown = Files.writeString(dir.resolve("unknown.json"), "{\"version\":1,\"keys\":[{\"id\":\"a\","
                + "\"name\":\"n\",\"scope\":\"national\",\"sha256\":\"00\",\"notBefore\":\"2027-01-01\"}]}");

        assertThatThrownBy(() -> ApiKeyStore.load(newer)).hasMessageContaining("is of version 2")
                .hasMessageContaining("reads version 1");
        assertThatThrownBy(() -> ApiKeyStore.load(unknown)).hasMessageContaining("field 'notBefore'");
    }
}
