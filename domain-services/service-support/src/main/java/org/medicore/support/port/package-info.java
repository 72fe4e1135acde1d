/**
 * Plain-Java ports and values that the application layer of every service may use: nothing here
 * knows Spring, a database, Kafka or protobuf (the shared dependency rules check it), so a use case
 * that names {@link org.medicore.support.port.Transactions} or writes an
 * {@link org.medicore.support.port.OutboxMessage} stays plain Java; the adapters of this module
 * implement and consume them.
 */
package org.medicore.support.port;
