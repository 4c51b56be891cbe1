package io.kycflow.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside Spring MVC (container, filters) also answer as problem details, without internals. */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value) || HttpStatus.resolve(value) == null) {
            // Requested directly, not forwarded by the container: there is no error to report.
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemAdvice.problem(HttpStatus.NOT_FOUND, "not_found", "No such endpoint."));
        }
        var status = HttpStatus.valueOf(value);
        var problem = ProblemAdvice.problem(status, status.is5xxServerError() ? "internal_error" : "bad_request",
                status.is5xxServerError() ? "The server could not complete the request." : status.getReasonPhrase() + ".");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
