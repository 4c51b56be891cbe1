package io.kycflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a socket, for requests no well-behaved client would send (malformed query
 * strings, odd methods, bodies that contradict their headers). One connection per request ({@code Connection:
 * close}); a response still streaming (an SSE stream) is read until the read timeout and counted as received.
 */
public final class RawHttp {

    public record Request(String method, String target, Map<String, String> headers, byte[] body) {

        public Request {
            headers = new LinkedHashMap<>(headers);
        }

        public String describe() {
            var text = new String(body, StandardCharsets.UTF_8);
            return method + " " + target + " " + headers + (body.length == 0 ? ""
                    : " body=" + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
    }

    public record Response(int status, Map<String, String> headers, String text) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;
    private final int readTimeoutMillis;

    public RawHttp(int port, int readTimeoutMillis) {
        this.port = port;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public Response send(Request request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(readTimeoutMillis);
            var head = new StringBuilder(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
            var headers = new LinkedHashMap<String, String>();
            headers.put("Host", "127.0.0.1:" + port);
            headers.putAll(request.headers());
            headers.put("Connection", "close");
            if (request.body().length > 0 && !headers.containsKey("Transfer-Encoding")) {
                headers.put("Content-Length", Integer.toString(request.body().length));
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(request.body());
            out.flush();
            return parse(readAll(socket));
        }
    }

    private static byte[] readAll(Socket socket) throws IOException {
        var received = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        var in = socket.getInputStream();
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            if (received.size() == 0) {
                throw e;
            }
        } catch (IOException e) {
            // The server may reset a connection after answering a request it refused to read (e.g. 413).
            if (received.size() == 0) {
                throw e;
            }
        }
        return received.toByteArray();
    }

    private static Response parse(byte[] bytes) {
        int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        var head = new String(bytes, 0, headEnd < 0 ? bytes.length : headEnd, StandardCharsets.UTF_8);
        var lines = head.split("\r\n");
        var statusLine = lines[0].split(" ");
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IllegalStateException("Not an HTTP response: " + lines[0]);
        }
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = headEnd < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(Integer.parseInt(statusLine[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    /** The chunks' data, as far as it arrived (a stream cut by the read timeout ends mid-chunk). */
    private static byte[] dechunk(byte[] body) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, at, body.length), new byte[] {'\r', '\n'});
            if (lineEnd < 0) {
                break;
            }
            var sizeText = new String(body, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].strip();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            int available = Math.min(size, body.length - at);
            out.write(body, at, available);
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
