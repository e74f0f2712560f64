package ca.gigafibre.automation.platform.security;

import ca.gigafibre.automation.platform.error.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies on {@code /api} and {@code /engine-rest} are limited: the public webhooks to
 * {@code automation.security.max-webhook-body}, the rest to {@code automation.security.max-request-body}. A larger
 * declared length is refused with 413 before a byte is read; a body without a length (chunked) is read up to the limit
 * and refused as soon as it passes it — so no caller, signed in or not, makes the engine hold more than the limit.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    private final ProblemResponses problems;
    private final long webhookLimit;
    private final long requestLimit;

    RequestBodyLimit(ProblemResponses problems, DataSize webhookLimit, DataSize requestLimit) {
        this.problems = problems;
        this.webhookLimit = webhookLimit.toBytes();
        this.requestLimit = requestLimit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        long limit = path.startsWith("/api/webhooks/") ? webhookLimit : requestLimit;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);   // the container reads no more than the declared length
            return;
        }
        // no length (chunked, or no body at all): read up to one byte past the limit, never more
        byte[] body = readAtMost(request.getInputStream(), (int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (body.length > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(body.length == 0 ? request : new ReadBody(request, body), response);
    }

    /** InputStream.readNBytes asks for 0 bytes once it has them all, which Tomcat answers by waiting for more. */
    private static byte[] readAtMost(java.io.InputStream in, int max) throws IOException {
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (read.size() < max) {
            int n = in.read(buffer, 0, Math.min(buffer.length, max - read.size()));
            if (n < 0) {
                break;
            }
            read.write(buffer, 0, n);
        }
        return read.toByteArray();
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");   // the rest of the body is not read
        problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                "The request body is larger than the " + limit + " bytes this endpoint accepts.");
    }

    /** The request with its body already read (within the limit). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
