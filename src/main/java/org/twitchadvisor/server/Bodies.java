package org.twitchadvisor.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.util.Locale;

/** Request bodies: JSON only, and no larger than the server's limit (which Javalin enforces while reading). */
final class Bodies {
    private Bodies() {
    }

    /**
     * @param ctx the exchange
     * @return the body's bytes
     * @throws HttpResponseException 415 for a body that is declared as something other than JSON, 413 for one
     *         over the limit
     */
    static byte[] json(Context ctx) {
        String type = ctx.contentType();
        if (type != null) {
            String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
                throw new HttpResponseException(415, "the body must be JSON (application/json or application/fhir+json),"
                        + " not " + media);
            }
        }
        return ctx.bodyAsBytes();
    }
}
