output "cluster_name" {
  description = "Name of the EKS cluster (aws eks update-kubeconfig --name ...)."
  value       = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  description = "Kubernetes API endpoint."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_security_group_id" {
  description = "Security group EKS attaches to the control plane and the managed nodes; every pod keeps it next to its own (DNS, control plane, calls between pods)."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "pod_role_arns" {
  description = "IAM role of each pod identity, by key."
  value       = { for key, role in aws_iam_role.pod : key => role.arn }
}

output "pod_security_group_ids" {
  description = "Security group of each workload in pod_security_groups, by workload: what RDS, MSK and the internal balancer admit, and what the overlay's SecurityGroupPolicies name."
  value       = { for workload, group in aws_security_group.pod : workload => group.id }
}
