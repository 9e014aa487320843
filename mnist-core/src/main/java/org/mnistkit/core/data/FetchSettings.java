package org.mnistkit.core.data;

import java.time.Duration;

/**
 * How sources fetch: timeouts, retries and whether to show progress. Built by
 * {@link DatasetLoader.Builder}.
 *
 * @param connectTimeout time allowed to open a connection
 * @param requestTimeout time allowed from sending a request to receiving the response headers
 * @param idleTimeout time a download may go without receiving a byte before it is abandoned
 * @param retries extra attempts per file after a transient failure, 0..10
 * @param npmTimeout time allowed for one {@code npm pack}
 * @param progress whether to draw progress bars on stderr
 */
record FetchSettings(Duration connectTimeout, Duration requestTimeout, Duration idleTimeout, int retries,
    Duration npmTimeout, boolean progress) {}
