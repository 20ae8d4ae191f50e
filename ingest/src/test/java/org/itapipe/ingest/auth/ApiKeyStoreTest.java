package org.itapipe.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {

    @Test
    void aRunningStoreFollowsKeysCreatedAndRevokedByAnotherProcess(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        ApiKeyStore running = ApiKeyStore.load(file);

        ApiKeyStore command = ApiKeyStore.load(file);
        ApiKeyStore.CreatedKey created = command.create("Saraburi office", Scope.parse("province:19"));
        command.save(file);
        Thread.sleep(1_100);

        assertThat(running.authenticate(created.plainText())).map(ApiKey::name).contains("Saraburi office");

        ApiKeyStore revoking = ApiKeyStore.load(file);
        assertThat(revoking.revoke(created.key().id())).isTrue();
        revoking.save(file);
        Thread.sleep(1_100);

        assertThat(running.authenticate(created.plainText())).isEmpty();
        assertThat(revoking.revoke("nonexistent")).isFalse();
    }

    @Test
    void onlyTheHashIsStoredAndAWrongSecretIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        ApiKeyStore store = ApiKeyStore.load(file);
        ApiKeyStore.CreatedKey created = store.create("office", Scope.parse("national"));
        store.save(file);

        String stored = java.nio.file.Files.readString(file);
        // The secret is base64url, which may itself contain '_': it is everything after "ita_<id>_".
        String secret = created.plainText().substring(("ita_" + created.key().id() + "_").length());
        assertThat(stored).doesNotContain(secret).contains(created.key().id());
        assertThat(store.authenticate(created.plainText() + "x")).isEmpty();
    }
}
