package org.itapipe.reports.render;

import com.github.mustachejava.util.HtmlEscaper;
import java.io.StringWriter;

/** Text that charts put into markup, escaped as the templates escape it (mustache.java's escaper). */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        StringWriter out = new StringWriter();
        HtmlEscaper.escape(text == null ? "" : text, out);
        return out.toString();
    }
}
