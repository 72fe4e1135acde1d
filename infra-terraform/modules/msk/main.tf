resource "aws_kms_key" "this" {
  description         = "${var.name}: MSK encryption at rest (domain events carry PHI)"
  enable_key_rotation = true
}

resource "aws_security_group" "this" {
  name        = "${var.name}-msk"
  description = "MSK ${var.name}: IAM-authenticated TLS listener for the given clients"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "client_groups" {
  for_each                     = var.client_security_group_ids
  security_group_id            = aws_security_group.this.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
  description                  = "Kafka (IAM, TLS) from ${each.key}"
}

# Topics are created on first use with these settings, so the five medicore.*.v1 topics and
# the Kafka Streams internal topics need no separate admin step. The retention is written out
# because it bounds an erasure (GDPR art. 17): the topics are event streams, not compacted, and
# an erased patient's registration and contact events leave them when their segment is deleted,
# at most 8 days after they were written (7 days of retention after a segment rolls, daily).
resource "aws_msk_configuration" "this" {
  name           = var.name
  kafka_versions = [var.kafka_version]
  server_properties = join("\n", [
    "auto.create.topics.enable=true",
    "num.partitions=${var.default_partitions}",
    "default.replication.factor=${length(var.subnet_ids)}",
    "min.insync.replicas=${length(var.subnet_ids) - 1}",
    "unclean.leader.election.enable=false",
    "log.retention.hours=168",
    "log.roll.hours=24",
  ])
}

resource "aws_msk_cluster" "this" {
  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = length(var.subnet_ids)

  broker_node_group_info {
    instance_type   = var.broker_instance_type
    client_subnets  = var.subnet_ids
    security_groups = [aws_security_group.this.id]
    storage_info {
      ebs_storage_info {
        volume_size = var.broker_volume_gb
      }
    }
  }

  client_authentication {
    unauthenticated = false
    sasl {
      iam = true
    }
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.this.arn
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }
}

locals {
  # arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid> -> topic/..., group/..., transactional-id/...
  cluster_path = split(":cluster/", aws_msk_cluster.this.arn)[1]
  arn_prefix   = split(":cluster/", aws_msk_cluster.this.arn)[0]
}

# Clients of the MediCore topics: connect, produce and consume medicore.* (events and the
# medicore-analytics Streams application's internal topics), their consumer groups and
# transactional ids (exactly-once Streams). Not a PHI store policy: no table, bucket or key.
data "aws_iam_policy_document" "client" {
  statement {
    sid       = "Connect"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
    resources = [aws_msk_cluster.this.arn]
  }
  statement {
    sid = "MedicoreTopics"
    actions = [
      "kafka-cluster:DescribeTopic",
      "kafka-cluster:CreateTopic",
      "kafka-cluster:ReadData",
      "kafka-cluster:WriteData",
    ]
    resources = ["${local.arn_prefix}:topic/${local.cluster_path}/medicore*"]
  }
  # The consumer groups are the services' names (group-id in their application.yaml, and
  # <group>-dlq-replay for the dead-letter replay), beside medicore-analytics' Streams groups.
  statement {
    sid     = "MedicoreGroups"
    actions = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
    resources = [
      "${local.arn_prefix}:group/${local.cluster_path}/medicore*",
      "${local.arn_prefix}:group/${local.cluster_path}/appointment-service*",
      "${local.arn_prefix}:group/${local.cluster_path}/billing-service*",
      "${local.arn_prefix}:group/${local.cluster_path}/notification-service*",
    ]
  }
  statement {
    sid       = "Transactions"
    actions   = ["kafka-cluster:DescribeTransactionalId", "kafka-cluster:AlterTransactionalId"]
    resources = ["${local.arn_prefix}:transactional-id/${local.cluster_path}/medicore*"]
  }
}
