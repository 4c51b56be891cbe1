package io.kycflow.remote.web;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;

import io.kycflow.support.Http;

/** A browser as the captures API sees it, kept minimal: its binding cookie and the page's header. */
final class PageBrowser {

    private final Http http;
    private final List<String> cookies = new ArrayList<>();

    PageBrowser(int port) {
        this.http = new Http(port);
    }

    Http.Response post(String session, String path) {
        var headers = new ArrayList<>(List.of("X-Kycflow-Flow", "1"));
        if (!cookies.isEmpty()) {
            headers.addAll(List.of("Cookie", String.join("; ", cookies)));
        }
        var response = http.send("POST", "/flow/" + session + path, null, BodyPublishers.noBody(), headers.toArray(String[]::new));
        for (var set : response.headers().allValues("Set-Cookie")) {
            cookies.add(set.substring(0, set.indexOf(';')));
        }
        return response;
    }
}
