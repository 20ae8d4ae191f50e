package org.itapipe.config;

import java.net.URI;

/**
 * How to reach a Confluent-API schema registry. The URL may carry a path (Apicurio serves the API under
 * {@code /apis/ccompat/v7}); a user name turns on HTTP basic authentication.
 */
public record RegistrySettings(URI url, String user, Secret password) {

    public RegistrySettings {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            throw new ConfigException(Connections.REGISTRY_URL + " must be an absolute http(s) URL, got " + url);
        }
        user = user == null ? "" : user;
        password = password == null ? Secret.NONE : password;
    }

    public static RegistrySettings of(String url) {
        return new RegistrySettings(URI.create(url), "", Secret.NONE);
    }

    public boolean usesBasicAuth() {
        return !user.isEmpty();
    }
}
