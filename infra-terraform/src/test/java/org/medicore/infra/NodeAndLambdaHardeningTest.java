package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Nodes that keep their credentials from pods, and a lab Lambda that loses no report. */
class NodeAndLambdaHardeningTest {

    @Test
    void nodesStartFromATemplateWithAnEncryptedDiskAndImdsV2ForTheNodeOnly() {
        Map<String, Map<String, Map<String, Object>>> eks = Hcl.typedBlocks("modules/eks", "resource");
        String template = eks.get("aws_launch_template").get("node").toString();
        assertThat(template).contains("http_tokens=required", "http_put_response_hop_limit=1", "encrypted=true");
        assertThat(eks.get("aws_eks_node_group").get("default").toString())
                .contains("launch_template=[{id=${aws_launch_template.node.id}, version=${aws_launch_template.node.latest_version}}]");
    }

    @Test
    void aReportTheLambdaFailsOnWaitsInAQueueThatRaisesAnAlarm() {
        String folder = "modules/lambda_lab_processor";
        Map<String, Map<String, Map<String, Object>>> resources = Hcl.typedBlocks(folder, "resource");
        assertThat(resources.get("aws_lambda_function").get("this")).containsEntry("reserved_concurrent_executions", "${var.reserved_concurrency}");
        assertThat(resources.get("aws_lambda_function_event_invoke_config").get("this").toString())
                .contains("on_failure=[{destination=${aws_sqs_queue.failed.arn}}]");
        assertThat(resources.get("aws_sqs_queue").get("failed")).containsEntry("sqs_managed_sse_enabled", true);
        assertThat(resources.get("aws_cloudwatch_metric_alarm").get("failed").toString())
                .contains("QueueName=${aws_sqs_queue.failed.name}", "metric_name=ApproximateNumberOfMessagesVisible");
        assertThat(Hcl.typedBlocks(folder, "data").get("aws_iam_policy_document").get("access").toString())
                .contains("actions=[sqs:SendMessage], resources=[${aws_sqs_queue.failed.arn}]");
        assertThat(Hcl.blocks("modules/platform", "module").get("lambda_lab_processor")).containsKey("reserved_concurrency");
    }
}
