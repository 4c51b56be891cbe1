package io.kycflow.storage.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param journalCheckpoint on the embedded default, how often the store is written and forced to disk and the
 *                          journals of group-committed tables cut back (a journal holds at most this much; a
 *                          restart replays it)
 */
@ConfigurationProperties("kycflow.storage")
public record StorageProperties(@DefaultValue("1s") Duration journalCheckpoint) {
}
