# The whole MediCore platform of one environment: the modules wired together. envs/dev and
# envs/prod are thin roots (backend, provider, tags) that call this with their sizes and flags.
data "aws_region" "current" {}

data "aws_region" "backup_copy" {
  provider = aws.backup_copy
}

# Every provider configuration the platform is given, checked against the allow-list.
module "residency" {
  source = "../residency"
  regions = {
    default     = data.aws_region.current.region
    backup_copy = data.aws_region.backup_copy.region
  }
  allowed_regions = var.allowed_regions
}

locals {
  name            = "medicore-${var.environment}"
  prod            = var.production_grade
  region          = data.aws_region.current.region
  namespace       = "medicore"
  uploads_prefix  = "uploads/"
  quarantine      = "quarantine/"
  backup_days     = local.prod ? 30 : 7
  recovery_window = local.prod ? 30 : 0
  log_days        = local.prod ? 365 : 30
  # The ports of infra-terraform/kubernetes: patient-service's gRPC, every pod's management.
  patient_grpc_port = 9091
  management_port   = 8081
  # How every PostgreSQL client of the cluster opens RDS: TLS with the server's certificate checked
  # against Amazon's RDS CA bundle and its host name against the URL's. The path is where every
  # workload mounts the ConfigMap rds-ca-bundle (infra-terraform/kubernetes/base/rds-ca).
  jdbc_tls_parameters = "sslmode=verify-full&sslrootcert=/etc/medicore/rds-ca/global-bundle.pem"
  # The workloads of infra-terraform/kubernetes (their pods' app.kubernetes.io/name) that open
  # connections to each server outside the cluster, as their ExternalSecrets say (a JDBC URL or
  # PGHOST of the instance's logins, the Kafka bootstrap servers); PodSecurityGroupsTest derives
  # the same lists from the manifests. Each gets its own security group (modules/eks), and each
  # server admits only the groups of its clients.
  server_clients = {
    services_db = [
      "appointment-service", "billing-service", "notification-service", "patient-service", "lab-processor",
      "fhir-api", "bff-graphql", "postgres-init", "schema-migrations",
    ]
    keycloak_db = ["keycloak", "postgres-init"]
    kafka = [
      "appointment-service", "billing-service", "notification-service", "patient-service", "lab-processor",
      "analytics-service", "bff-graphql",
    ]
  }
  # The same by server, each client's group under its name (keys known at plan time, for for_each).
  pod_groups = {
    for server, clients in local.server_clients : server => {
      for workload in clients : workload => module.eks.pod_security_group_ids[workload]
    }
  }
}

module "network" {
  source             = "../network"
  name               = local.name
  cidr_block         = var.vpc_cidr
  az_count           = var.az_count
  single_nat_gateway = !local.prod
}

module "eks" {
  source                = "../eks"
  name                  = local.name
  kubernetes_version    = "1.33"
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  public_endpoint_cidrs = var.eks_public_endpoint_cidrs
  node_instance_types   = var.eks_node_instance_types
  node_min_size         = var.eks_node_counts.min
  node_desired_size     = var.eks_node_counts.desired
  node_max_size         = var.eks_node_counts.max
  log_retention_days    = local.log_days
  log_kms_key_arn       = module.audit_logging.log_kms_key_arn
  pod_security_groups   = toset(flatten(values(local.server_clients)))

  # Service accounts of infra-terraform/kubernetes and what each may reach.
  pod_identities = {
    "patient-service" = {
      namespace       = local.namespace
      service_account = "patient-service"
      policy_jsons    = [module.dynamodb.access_policy_json, module.msk.client_policy_json]
    }
    "appointment-service" = {
      namespace       = local.namespace
      service_account = "appointment-service"
      policy_jsons    = [module.msk.client_policy_json]
    }
    "billing-service" = {
      namespace       = local.namespace
      service_account = "billing-service"
      policy_jsons    = [module.msk.client_policy_json]
    }
    "lab-processor" = {
      namespace       = local.namespace
      service_account = "lab-processor"
      policy_jsons = [
        module.dynamodb_lab_reports.access_policy_json,
        module.s3_lab_reports.processor_access_policy_json,
        # erasures on PatientErased (medicore.patients.v1, group medicore-lab-processor: the msk policy's medicore*)
        module.s3_lab_reports.eraser_access_policy_json,
        module.msk.client_policy_json,
      ]
    }
    # Bulk export files only; it reaches the services over gRPC and the audit trail with its logins.
    "fhir-api" = {
      namespace       = local.namespace
      service_account = "fhir-api"
      policy_jsons    = [module.s3_fhir_exports.exporter_access_policy_json]
    }
    "analytics-service" = {
      namespace       = local.namespace
      service_account = "analytics-service"
      policy_jsons    = [module.msk.client_policy_json]
    }
    # The subscriptions' consumers sign in to MSK with IAM like the services'.
    "bff-graphql" = {
      namespace       = local.namespace
      service_account = "bff-graphql"
      policy_jsons    = [module.msk.client_policy_json]
    }
    "external-secrets" = {
      namespace       = "external-secrets"
      service_account = "external-secrets"
      # and pushes the lab Lambda's client certificate into its one secret (PushSecret)
      policy_jsons = [
        module.secrets.read_policy_json,
        module.keycloak.read_policy_json,
        module.lambda_lab_processor.client_certificate_push_policy_json,
      ]
    }
  }
}

module "rds" {
  source                    = "../rds"
  name                      = "${local.name}-services"
  database_name             = "medicore"
  master_username           = "medicore_admin"
  master_secret_kms_key_arn = module.secrets.kms_key_arn
  instance_class            = var.db_instance_class
  allocated_storage_gb      = local.prod ? 100 : 20
  multi_az                  = local.prod
  deletion_protection       = local.prod
  backup_retention_days     = local.backup_days
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  client_security_group_ids = local.pod_groups.services_db
  log_retention_days        = local.log_days
  log_kms_key_arn           = module.audit_logging.log_kms_key_arn
}

# patient-service's table, as domain-services/patient-service/README.md designs it.
module "dynamodb" {
  source              = "../dynamodb"
  table_name          = "${local.name}-patients"
  contents            = "patient records"
  deletion_protection = local.prod
  hash_key            = "pk"
  range_key           = "sk"
  indexes = {
    "by-name"        = { hash = "name_pk", range = "name_sk" }
    "by-birth-date"  = { hash = "birth_pk", range = "birth_sk" }
    "outbox-pending" = { hash = "pending", range = "pending_order" }
  }
  # Item reads and writes, transactions, queries on its indexes; no Scan.
  item_actions = [
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:ConditionCheckItem",
    "dynamodb:Query",
    "dynamodb:DescribeTable",
  ]
}

# lab-processor's table, as its ReportTable creates it locally: reports and their outbox entries
# under one key, sparse indexes for the relay and for a patient's reports.
module "dynamodb_lab_reports" {
  source              = "../dynamodb"
  table_name          = "${local.name}-lab-reports"
  contents            = "lab reports"
  deletion_protection = local.prod
  hash_key            = "pk"
  indexes = {
    "outbox-pending"     = { hash = "pending", range = "pending_order" }
    "reports-by-patient" = { hash = "patient_id", range = "created_order" }
    "review-queue"       = { hash = "review_queue", range = "held_order" }
    "events-by-patient"  = { hash = "patient_id", range = "event_id" }
  }
  # Item reads and writes, a final status and its event in one transaction (authorized per item:
  # Put, Update, ConditionCheck), queries on its indexes, DescribeTable at start, and DeleteItem for an
  # erased patient's reports and outbox entries (found through reports-by-patient and events-by-patient); no Scan.
  item_actions = [
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:ConditionCheckItem",
    "dynamodb:Query",
    "dynamodb:DescribeTable",
  ]
}

# Kafka's clients: the pods that use it and the lab processor Lambda (its environment names the brokers).
module "msk" {
  source                    = "../msk"
  name                      = local.name
  kafka_version             = "3.9.x"
  broker_instance_type      = var.msk_broker_instance_type
  broker_volume_gb          = local.prod ? 500 : 50
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  client_security_group_ids = merge(local.pod_groups.kafka, { "lab-processor-lambda" = module.lambda_lab_processor.security_group_id })
  default_partitions        = local.prod ? 6 : 3
}

module "secrets" {
  source                  = "../secrets"
  name                    = local.name
  recovery_window_days    = local.recovery_window
  db_address              = module.rds.address
  db_port                 = module.rds.port
  db_maintenance_database = module.rds.database_name
  jdbc_tls_parameters     = local.jdbc_tls_parameters
  kafka_bootstrap_brokers = module.msk.bootstrap_brokers_iam
  # Rotation of every database login, by functions in the VPC that only ever see the masters.
  master_secret_arns = {
    services = module.rds.master_user_secret_arn
    keycloak = module.keycloak.master_secret_arn
  }
  database_security_group_ids = {
    services = module.rds.security_group_id
    keycloak = module.keycloak.db_security_group_id
  }
  vpc_id             = module.network.vpc_id
  subnet_ids         = module.network.private_subnet_ids
  rotation_days      = 30
  log_retention_days = local.log_days
  log_kms_key_arn    = module.audit_logging.log_kms_key_arn
}

module "keycloak" {
  source                    = "../keycloak"
  name                      = local.name
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  client_security_group_ids = local.pod_groups.keycloak_db
  db_instance_class         = var.db_instance_class
  multi_az                  = local.prod
  deletion_protection       = local.prod
  backup_retention_days     = local.backup_days
  secrets_kms_key_arn       = module.secrets.kms_key_arn
  jdbc_tls_parameters       = module.secrets.jdbc_tls_parameters
  rotation_lambda_arns      = module.secrets.rotation_lambda_arns
  rotation_days             = 30
  recovery_window_days      = local.recovery_window
  log_retention_days        = local.log_days
  log_kms_key_arn           = module.audit_logging.log_kms_key_arn
}

module "s3_lab_reports" {
  source                             = "../s3_lab_reports"
  bucket_name                        = var.lab_reports_bucket_name
  uploads_prefix                     = local.uploads_prefix
  quarantine_prefix                  = local.quarantine
  quarantine_expiration_days         = 30
  noncurrent_version_expiration_days = local.prod ? 365 : 30
  processor_function_arn             = module.lambda_lab_processor.function_arn
  processor_function_name            = module.lambda_lab_processor.function_name
  force_destroy                      = !local.prod
  access_logs_bucket                 = module.audit_logging.access_logs_bucket
  access_logs_prefix                 = module.audit_logging.s3_access_logs_prefix
}

# fhir-api's bulk exports: copies of whole records, gone after a week whatever the service did.
module "s3_fhir_exports" {
  source                 = "../s3_fhir_exports"
  bucket_name            = var.fhir_exports_bucket_name
  exports_prefix         = "exports/"
  export_expiration_days = 7
  force_destroy          = !local.prod
  access_logs_bucket     = module.audit_logging.access_logs_bucket
  access_logs_prefix     = module.audit_logging.s3_access_logs_prefix
}

module "lambda_lab_processor" {
  source                          = "../lambda_lab_processor"
  reserved_concurrency            = 10
  function_name                   = "${local.name}-lab-processor"
  handler                         = var.lab_processor_handler
  artifact_bucket                 = var.lab_processor_artifact_bucket
  artifact_key                    = var.lab_processor_artifact_key
  memory_mb                       = 1536
  timeout_seconds                 = 120
  log_retention_days              = local.log_days
  log_kms_key_arn                 = module.audit_logging.log_kms_key_arn
  bucket_access_policy_json       = module.s3_lab_reports.processor_access_policy_json
  report_table_access_policy_json = module.dynamodb_lab_reports.access_policy_json
  kafka_client_policy_json        = module.msk.client_policy_json
  subnet_ids                      = module.network.private_subnet_ids
  vpc_id                          = module.network.vpc_id
  # The PushSecret's remoteKey in kubernetes/base/lab-processor/lambda-certificate.yaml.
  client_certificate_secret_name          = "${local.name}/lab-processor-lambda-grpc-tls"
  client_certificate_recovery_window_days = local.recovery_window
  # The names lab-processor's application.yaml binds (relaxed binding); empty endpoints and keys
  # mean AWS itself with the execution role. Kafka clients sign in to MSK with IAM as every
  # service's do (kubernetes/base/kafka-client-config.yaml). Results go to patient-service through
  # its internal balancer, as the partner client with a token from the public Keycloak, with mutual
  # TLS (its client certificate from its secret; "patient-service" is the name in patient-service's
  # certificate, which the balancer's address is not). PDFBox
  # keeps its font cache in /tmp, the only writable folder of a Lambda.
  environment = {
    MEDICORE_LAB_S3_BUCKET                                     = var.lab_reports_bucket_name
    MEDICORE_LAB_S3_REGION                                     = local.region
    MEDICORE_LAB_S3_ENDPOINT                                   = ""
    MEDICORE_LAB_S3_ACCESSKEY                                  = ""
    MEDICORE_LAB_DYNAMODB_TABLE                                = module.dynamodb_lab_reports.table_name
    MEDICORE_LAB_DYNAMODB_REGION                               = local.region
    MEDICORE_LAB_DYNAMODB_ENDPOINT                             = ""
    MEDICORE_LAB_DYNAMODB_ACCESSKEY                            = ""
    MEDICORE_LAB_KAFKA_BOOTSTRAPSERVERS                        = module.msk.bootstrap_brokers_iam
    MEDICORE_LAB_KAFKA_TOPIC                                   = "medicore.labs.v1"
    MEDICORE_LAB_PATIENTSERVICE_TARGET                         = "${module.patient_grpc_endpoint.dns_name}:${local.patient_grpc_port}"
    MEDICORE_LAB_PATIENTSERVICE_TOKENENDPOINT                  = "${var.auth_url}/realms/medicore/protocol/openid-connect/token"
    MEDICORE_LAB_PATIENTSERVICE_CLIENTID                       = "medicore-partner"
    MEDICORE_LAB_PATIENTSERVICE_AUTHORITY                      = "patient-service"
    SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL                  = "SASL_SSL"
    SPRING_KAFKA_PROPERTIES_SASL_MECHANISM                     = "AWS_MSK_IAM"
    SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG                   = "software.amazon.msk.auth.iam.IAMLoginModule required;"
    SPRING_KAFKA_PROPERTIES_SASL_CLIENT_CALLBACK_HANDLER_CLASS = "software.amazon.msk.auth.iam.IAMClientCallbackHandler"
    JAVA_TOOL_OPTIONS                                          = "-Dpdfbox.fontcache=/tmp"
  }
  secret_environment = {
    MEDICORE_LAB_PATIENTSERVICE_CLIENTSECRET = module.secrets.partner_client_secret
  }
}

# patient-service's gRPC port for the Lambda, which runs in the VPC but outside the cluster; the
# pods are registered by kubernetes/base/patient-service/targetgroupbinding.yaml.
module "patient_grpc_endpoint" {
  source                   = "../grpc_endpoint"
  name                     = "${local.name}-patient-grpc"
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.balancer_subnet_ids
  port                     = local.patient_grpc_port
  health_check_port        = local.management_port
  health_check_path        = "/actuator/health/readiness"
  target_security_group_id = module.eks.pod_security_group_ids["patient-service"]
  client_security_group_ids = {
    "lab-processor-lambda" = module.lambda_lab_processor.security_group_id
  }
  deletion_protection = local.prod
  access_logs_bucket  = module.audit_logging.access_logs_bucket
  access_logs_prefix  = module.audit_logging.nlb_access_logs_prefix
}

# The public load balancer's web application firewall (the Ingress names it through the overlay).
# CloudFront in front of the portal: its files from a private bucket, the rest through the load balancer.
module "portal_cdn" {
  source              = "../portal_cdn"
  name                = "${local.name}-portal"
  portal_host         = var.portal_host
  origin_host         = var.portal_origin_host
  auth_url            = var.auth_url
  upload_origin       = "https://${module.s3_lab_reports.bucket_name}.s3.${data.aws_region.current.region}.amazonaws.com"
  acm_certificate_arn = var.portal_certificate_arn
  access_logs_bucket  = module.audit_logging.access_logs_bucket
  access_logs_prefix  = module.audit_logging.s3_access_logs_prefix
}

module "waf" {
  source             = "../waf"
  name               = "${local.name}-public"
  sign_in_limit      = 100
  registration_limit = 20
  log_retention_days = local.log_days
  log_kms_key_arn    = module.audit_logging.log_kms_key_arn
}

# Daily backups of every database, 35 days, copied to the second region; locked in production.
module "backup" {
  source = "../backup"
  providers = {
    aws      = aws
    aws.copy = aws.backup_copy
  }
  name = local.name
  resource_arns = {
    "services-db"       = module.rds.arn
    "keycloak-db"       = module.keycloak.db_arn
    "patient-table"     = module.dynamodb.table_arn
    "lab-reports-table" = module.dynamodb_lab_reports.table_arn
  }
  retention_days = 35
  vault_lock     = local.prod
}

# Who did what in the account: CloudTrail with data events on the PHI stores, flow and access
# logs, GuardDuty, AWS Config with the HIPAA conformance pack; the key of every log group above.
module "audit_logging" {
  source                           = "../audit_logging"
  name                             = local.name
  vpc_id                           = module.network.vpc_id
  phi_bucket_arns                  = [module.s3_lab_reports.bucket_arn, module.s3_fhir_exports.bucket_arn]
  phi_table_arns                   = [module.dynamodb.table_arn, module.dynamodb_lab_reports.table_arn]
  log_retention_days               = local.log_days
  archive_days                     = local.prod ? 2192 : 90
  organization_id                  = var.organization_id
  conformance_pack_template_s3_uri = var.hipaa_conformance_pack_template_s3_uri
  force_destroy                    = !local.prod
}
