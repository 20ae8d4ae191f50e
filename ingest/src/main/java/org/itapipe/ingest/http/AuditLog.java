package org.itapipe.ingest.http;

import io.javalin.http.Context;
import org.itapipe.ingest.auth.ApiKey;
import org.itapipe.ingest.auth.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request to the API on the logger {@value #LOGGER}: which key (id, name, scope) did what and how it
 * was answered, or why a key was refused. Never the key's secret or the text presented, so that the audit log can be
 * read and shipped without becoming a list of credentials.
 */
final class AuditLog {

    static final String LOGGER = "org.itapipe.ingest.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AuditLog() {
    }

    /** A request made with {@code key}, once it is answered. */
    static void used(Context ctx, ApiKey key) {
        LOG.info("key={} name=\"{}\" scope={} {} {} -> {} from {}", key.id(), key.name(), key.scope().text(),
                ctx.method(), ctx.path(), ctx.statusCode(), ctx.ip());
    }

    /** A request refused before it reached a handler. */
    static void refused(Context ctx, Authentication.Refused refusal) {
        LOG.warn("key={} refused ({}) {} {} -> 401 from {}", refusal.keyId().orElse("-"), refusal.reason(),
                ctx.method(), ctx.path(), ctx.ip());
    }
}
