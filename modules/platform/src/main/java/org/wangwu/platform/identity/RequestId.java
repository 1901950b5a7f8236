package org.wangwu.platform.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties a request to its audit records and logs; taken from X-Request-Id when sane. */
@RequestScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private String value;

    void accept(String header) {
        value = header != null && SANE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    public String value() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }
}
