package org.twitchadvisor.server;

import io.javalin.http.Handler;

/**
 * One operation of the server: the table the server registers and the OpenAPI document is tested against.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the path, with {@code {name}} for a path parameter
 * @param handler what answers it
 */
record Route(String method, String path, Handler handler) {
}
