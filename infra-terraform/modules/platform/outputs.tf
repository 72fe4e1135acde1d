output "name" {
  description = "Environment name: medicore-environment's name in kubernetes/overlays (prefix of the secret names)."
  value       = local.name
}

output "eks_cluster_name" {
  description = "aws eks update-kubeconfig --name <this>."
  value       = module.eks.cluster_name
}

output "patient_table" {
  description = "DynamoDB table of patient-service (medicore-environment's patient_table)."
  value       = module.dynamodb.table_name
}

output "lab_reports_table" {
  description = "DynamoDB table of lab-processor (medicore-environment's lab_reports_table)."
  value       = module.dynamodb_lab_reports.table_name
}

output "lab_reports_bucket" {
  description = "Lab report bucket."
  value       = module.s3_lab_reports.bucket_name
}

output "fhir_exports_bucket" {
  description = "fhir-api's bulk export bucket (medicore-environment's fhir_exports_bucket)."
  value       = module.s3_fhir_exports.bucket_name
}

output "lab_processor_function" {
  description = "Lab processor Lambda."
  value       = module.lambda_lab_processor.function_name
}

output "patient_grpc_target_group_arn" {
  description = "Target group of patient-service's internal gRPC balancer (the overlay's patient_grpc_target_group_arn)."
  value       = module.patient_grpc_endpoint.target_group_arn
}

output "kafka_bootstrap_brokers" {
  description = "MSK bootstrap servers (IAM auth, TLS, port 9098)."
  value       = module.msk.bootstrap_brokers_iam
}

output "services_db_address" {
  description = "Host of the services' RDS instance."
  value       = module.rds.address
}

output "keycloak_db_address" {
  description = "Host of Keycloak's RDS instance."
  value       = module.keycloak.db_address
}

output "secret_arns" {
  description = "Secrets Manager secrets the ExternalSecrets read."
  value       = merge(module.secrets.secret_arns, module.keycloak.secret_arns)
}

output "pod_role_arns" {
  description = "IAM roles of the pod identities."
  value       = module.eks.pod_role_arns
}

output "pod_security_groups" {
  description = "Security groups of the overlay's SecurityGroupPolicies (medicore-environment's cluster_security_group and security_group_<workload>): the cluster's, which every pod keeps, and each workload's own."
  value = {
    cluster   = module.eks.cluster_security_group_id
    workloads = module.eks.pod_security_group_ids
  }
}

output "network_policy_ranges" {
  description = "Address ranges the overlay's medicore-environment gives the NetworkPolicies: public_range, private_range, balancer_range."
  value = {
    public_range   = module.network.public_range
    private_range  = module.network.private_range
    balancer_range = module.network.balancer_range
  }
}

output "waf_acl_arn" {
  description = "Web ACL of the public load balancer (the overlay's waf_acl_arn)."
  value       = module.waf.web_acl_arn
}

output "backup_vault" {
  description = "AWS Backup vault of the environment's region (README.md, \"Backups and restore\")."
  value       = module.backup.vault_name
}

output "portal_bucket" {
  description = "Bucket of the portal's built files: aws s3 sync web-portal/dist here at a release (README.md, \"Portal behind CloudFront\")."
  value       = module.portal_cdn.bucket_name
}

output "portal_distribution" {
  description = "CloudFront distribution of the portal: its id (invalidations) and domain name (portal_host's DNS alias target)."
  value = {
    id          = module.portal_cdn.distribution_id
    domain_name = module.portal_cdn.distribution_domain_name
  }
}

output "access_logs" {
  description = "Where load balancers write access logs: the overlay's Ingress sets access_logs.s3.bucket and access_logs.s3.prefix to these (README.md, \"Audit\")."
  value = {
    bucket     = module.audit_logging.access_logs_bucket
    alb_prefix = module.audit_logging.alb_access_logs_prefix
  }
}

output "audit_bucket" {
  description = "Bucket of CloudTrail, AWS Config and VPC flow logs."
  value       = module.audit_logging.audit_bucket
}
