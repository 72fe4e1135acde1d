data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  log_group_arn = "arn:aws:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:/aws/lambda/${var.function_name}"
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.function_name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.function_name
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

# Network interfaces in the VPC (AWS managed policy; touches no data store).
resource "aws_iam_role_policy_attachment" "vpc" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

# Least privilege on the PHI stores: the bucket's and the table's own documents (their
# modules write them for lab-processor, Lambda and Deployment alike), Kafka, its own logs.
data "aws_iam_policy_document" "access" {
  source_policy_documents = [var.kafka_client_policy_json, var.bucket_access_policy_json, var.report_table_access_policy_json]

  statement {
    sid       = "OwnEnvironment"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.environment.arn]
  }

  statement {
    sid       = "ClientCertificate"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.client_certificate.arn]
  }

  statement {
    sid       = "ClientCertificateKey"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.client_certificate.arn]
  }

  statement {
    sid       = "FailedReports"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.failed.arn]
  }

  statement {
    sid       = "OwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${local.log_group_arn}:log-stream:*"]
  }
}

# The function's environment holds the partner client's secret: encrypted with a key of its own
# that only this role may use to decrypt.
resource "aws_kms_key" "environment" {
  description         = "${var.function_name}: environment variables (partner client secret)"
  enable_key_rotation = true
}

# The function's client certificate for patient-service's gRPC (mutual TLS, a certificate of the
# cluster's medicore-grpc CA). cert-manager issues and renews it in the cluster and External Secrets'
# PushSecret writes it here (kubernetes/base/lab-processor/lambda-certificate.yaml) as PEM in
# "certificate", "private_key" and "ca"; the function reads it at cold start. The cluster's CA stays
# the only one patient-service trusts, and nothing new runs on the cluster (AWS Private CA would be a
# second CA, paid monthly). Made here, not by the PushSecret, so its ARN is known to the role and the
# environment before any push; the tag is how External Secrets recognises a secret it may overwrite.
resource "aws_kms_key" "client_certificate" {
  description         = "${var.function_name}: its gRPC client certificate"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "client_certificate" {
  name                    = var.client_certificate_secret_name
  description             = "${var.function_name}: gRPC client certificate for patient-service, pushed from the cluster"
  kms_key_id              = aws_kms_key.client_certificate.arn
  recovery_window_in_days = var.client_certificate_recovery_window_days
  tags                    = { "managed-by" = "external-secrets" }
}

# What External Secrets' identity needs to push that one secret: read it and its tags to compare,
# write a new version (the secret exists, so it never creates one), and the key to encrypt it.
data "aws_iam_policy_document" "client_certificate_push" {
  statement {
    sid       = "PushClientCertificate"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue"]
    resources = [aws_secretsmanager_secret.client_certificate.arn]
  }

  statement {
    sid       = "EncryptClientCertificate"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [aws_kms_key.client_certificate.arn]
  }
}

resource "aws_iam_role_policy" "access" {
  name   = "lab-processor-access"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.access.json
}

resource "aws_security_group" "this" {
  name        = "${var.function_name}-lambda"
  description = "Lab processor Lambda: outbound only"
  vpc_id      = var.vpc_id
}

# Keycloak's token endpoint (HTTPS through the NAT) and MSK; patient-service's balancer adds its
# own rule (modules/grpc_endpoint).
resource "aws_vpc_security_group_egress_rule" "https_and_kafka" {
  for_each          = { https = 443, kafka_iam = 9098 }
  security_group_id = aws_security_group.this.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
}

# An upload the function fails on three times (S3 invokes it asynchronously: the first try and
# two retries) lands here with the event and the error, instead of being lost; kept 14 days
# (SQS's longest), encrypted, and an alarm as soon as one waits. The on-failure destination
# carries more than a dead-letter queue would (request, response, error), so it is the one used;
# both together would send every failure twice.
resource "aws_sqs_queue" "failed" {
  name                      = "${var.function_name}-failed"
  message_retention_seconds = 1209600
  # SQS's own key: the environment's key stays usable for decrypting only.
  sqs_managed_sse_enabled = true
}

resource "aws_lambda_function_event_invoke_config" "this" {
  function_name                = aws_lambda_function.this.function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.failed.arn
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "failed" {
  alarm_name          = "${var.function_name}-failed-reports"
  alarm_description   = "Lab reports the processor failed on wait in ${aws_sqs_queue.failed.name} (replay after the fix)."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.failed.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
}

resource "aws_lambda_function" "this" {
  function_name = var.function_name
  # A burst of uploads can't take the account's whole concurrency, nor the database's connections.
  reserved_concurrent_executions = var.reserved_concurrency
  role                           = aws_iam_role.this.arn
  runtime                        = "java21"
  architectures                  = ["arm64"]
  handler                        = var.handler
  s3_bucket                      = var.artifact_bucket
  s3_key                         = var.artifact_key
  memory_size                    = var.memory_mb
  timeout                        = var.timeout_seconds

  snap_start {
    apply_on = "PublishedVersions"
  }

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = [aws_security_group.this.id]
  }

  kms_key_arn = aws_kms_key.environment.arn

  # The secret's ARN goes in with the rest: without it the function's channel would be plaintext.
  environment {
    variables = merge(var.environment, var.secret_environment, {
      MEDICORE_LAB_PATIENTSERVICE_CLIENTCERTIFICATESECRET = aws_secretsmanager_secret.client_certificate.arn
    })
  }

  logging_config {
    log_format = "JSON"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  depends_on = [aws_iam_role_policy.access, aws_iam_role_policy_attachment.vpc]
}
