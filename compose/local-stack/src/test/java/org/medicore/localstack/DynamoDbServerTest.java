package org.medicore.localstack;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DynamoDbServerTest {

    @Test
    void an_item_put_is_got_back() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(TestStack.dynamoDb().endpoint()))
                .region(Region.of(DynamoDbServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(DynamoDbServer.ACCESS_KEY, DynamoDbServer.SECRET_KEY)))
                .build()) {
            dynamo.createTable(table -> table.tableName("round-trip")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));

            dynamo.putItem(put -> put.tableName("round-trip").item(Map.of(
                    "pk", AttributeValue.fromS("PATIENT#1"),
                    "name", AttributeValue.fromS("Ada Lovelace"))));

            var item = dynamo.getItem(get -> get.tableName("round-trip").key(Map.of("pk", AttributeValue.fromS("PATIENT#1"))).consistentRead(true)).item();
            assertThat(item.get("name").s()).isEqualTo("Ada Lovelace");
        }
    }

    @Test
    void it_refuses_connections_that_do_not_come_over_the_loopback_interface() throws Exception {
        int port = URI.create(TestStack.dynamoDb().endpoint()).getPort();
        Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
                .filter(nic -> isUpAndNotLoopback(nic))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(Inet4Address.class::isInstance)
                .findFirst();
        assumeTrue(outside.isPresent(), "this machine has no network interface besides the loopback");

        assertThatThrownBy(() -> new Socket(outside.get(), port).close()).isInstanceOf(ConnectException.class);
    }

    private static boolean isUpAndNotLoopback(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
