package org.peelharvest.harvest;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected up to a size limit, that can be abandoned at any moment: the
 * request's deadline covers the body too, so a server that drips a byte every few seconds is cut
 * off (issue 9) rather than holding the harvest for as long as it likes.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Content> {

    /** The bytes received; when {@code cut}, only the first {@code limit} of a larger body. */
    record Content(byte[] bytes, boolean cut) {
    }

    private final long limit;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<Content> content = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    BoundedBody(long limit) {
        this.limit = limit;
    }

    /** Stops receiving: the connection is given up and the body never completes. */
    void abandon() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        content.cancel(false);
    }

    @Override
    public CompletionStage<Content> getBody() {
        return content;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (content.isDone()) {
                return;
            }
            int room = (int) Math.min(buffer.remaining(), limit - received.size());
            byte[] bytes = new byte[room];
            buffer.get(bytes);
            received.write(bytes, 0, room);
            if (buffer.hasRemaining()) {
                subscription.cancel();
                content.complete(new Content(received.toByteArray(), true));
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        content.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        content.complete(new Content(received.toByteArray(), false));
    }
}
