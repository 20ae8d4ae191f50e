package org.itapipe.reports.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Mustache templates of the report and the pages ({@code templates/*.mustache}); one template makes the HTML
 * that is served and the HTML that Chromium prints to PDF. Compiled once, rendered from any thread.
 */
public final class Templates {

    private final MustacheFactory factory = new DefaultMustacheFactory("org/itapipe/reports/templates");
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    public String render(String template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        compiled.computeIfAbsent(template, name -> factory.compile(name + ".mustache")).execute(out, scope);
        return out.toString();
    }
}
