package ca.gigafibre.automation.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat answers itself — a request it refuses before any servlet runs (an invalid URI, an encoded slash or NUL in
 * the path) — is problem JSON like every other refusal, not Tomcat's HTML page, and says nothing about the server.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + (status == 400 ? "Bad request" : "Error") + "\",\"status\":" + status
                        + ",\"detail\":\"The request could not be read (its URL or headers are not allowed).\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away: nothing more to say
        }
    }
}
