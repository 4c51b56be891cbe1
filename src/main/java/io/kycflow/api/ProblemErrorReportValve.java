package io.kycflow.api;

import java.io.IOException;

import io.kycflow.shared.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * The container's last word on an error nothing else answered (a request line or header it could not parse, a
 * header too large, an error while forwarding to {@code /error}): problem details like every other error, instead
 * of Tomcat's HTML page. Never the exception, its message or the server's name. Public: the host instantiates it
 * by its class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var known = HttpStatus.resolve(status);
        var title = known == null ? "Error" : known.getReasonPhrase();
        var clientError = status < 500;
        try {
            response.resetBuffer();
            Problems.write(response, status, title, clientError ? "bad_request" : "internal_error",
                    clientError ? "The request could not be read: " + title + "." : "The server could not complete the request.");
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: there is no one to tell.
        }
    }
}
