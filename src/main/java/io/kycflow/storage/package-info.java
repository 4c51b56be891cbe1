/**
 * The storage machinery under every module's tables: the data directory, files written durably, the transaction
 * manager that makes a commit durable on the embedded H2 default, and the group commit with its write-ahead journal
 * for tables written at a high rate. Modules keep their own tables and SQL; what they see of this module is
 * {@link io.kycflow.storage.GroupCommits}, {@link io.kycflow.storage.GroupCommittedTable} and
 * {@link io.kycflow.storage.DurableFiles}. H2's internals stay in {@code internal}.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.storage;
