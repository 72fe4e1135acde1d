# The portal's built files (Vite: index.html and content-hashed files under /assets/) served by
# CloudFront from a private bucket that only this distribution may read (origin access control,
# SigV4). The calls that are no files go on to the public load balancer with the viewer's Host
# header, so its Ingress rule for the portal's host still routes them: /graphql (HTTP and
# graphql-ws) to the BFF through the portal's nginx, /config.json (Keycloak's URL and the clinic's
# zone), /unsubscribe to notification-service. Those are never cached.

resource "aws_s3_bucket" "this" {
  bucket_prefix = "${var.name}-"
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# The files are public by design (every browser downloads them): S3's own key is enough, and
# CloudFront's origin access control reads SSE-S3 objects without a key policy.
resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_logging" "this" {
  bucket        = aws_s3_bucket.this.id
  target_bucket = var.access_logs_bucket
  target_prefix = "${var.access_logs_prefix}${aws_s3_bucket.this.bucket}/"
}

# A release overwrites index.html; the previous version stays for a rollback.
resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_cloudfront_origin_access_control" "this" {
  name                              = var.name
  description                       = "CloudFront reads the portal's files from ${aws_s3_bucket.this.bucket}"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

data "aws_iam_policy_document" "bucket" {
  statement {
    sid       = "ThisDistributionReadsTheFiles"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.this.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.this.arn]
    }
  }
  statement {
    sid       = "DenyPlainHttp"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket     = aws_s3_bucket.this.id
  policy     = data.aws_iam_policy_document.bucket.json
  depends_on = [aws_s3_bucket_public_access_block.this]
}

# Files under /assets/ are named by their content hash: a year at the edge and in the browser.
# index.html (and any file without a hash) as its object's Cache-Control says, uploaded as
# no-cache: asked for again on every visit, or a new release would not be seen.
locals {
  file_caching = {
    hashed_assets = { comment = "Content-hashed files: cached for a year", min_ttl = 31536000, default_ttl = 31536000 }
    entry_page    = { comment = "Unhashed files: revalidated on every visit", min_ttl = 0, default_ttl = 0 }
  }
}

resource "aws_cloudfront_cache_policy" "files" {
  for_each    = local.file_caching
  name        = "${var.name}-${replace(each.key, "_", "-")}"
  comment     = each.value.comment
  min_ttl     = each.value.min_ttl
  default_ttl = each.value.default_ttl
  max_ttl     = 31536000
  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true
    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

# The headers the portal's nginx sets (web-portal/Dockerfile), for the files CloudFront serves.
resource "aws_cloudfront_response_headers_policy" "security" {
  name    = "${var.name}-security-headers"
  comment = "The portal's security headers"
  security_headers_config {
    content_security_policy {
      content_security_policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' ${var.auth_url} ${var.upload_origin}; form-action 'self' ${var.auth_url}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
      override                = true
    }
    strict_transport_security {
      access_control_max_age_sec = 31536000
      include_subdomains         = true
      override                   = true
    }
    content_type_options {
      override = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }
  }
}

# The portal routes in the browser: a path whose last part has no file extension is one of its
# pages and gets index.html; a missing file (an old chunk after a release) stays a 404.
resource "aws_cloudfront_function" "pages" {
  name    = "${var.name}-pages"
  runtime = "cloudfront-js-2.0"
  comment = "Portal pages to index.html"
  publish = true
  code    = <<-JS
    function handler(event) {
      var request = event.request;
      var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
      if (last.indexOf('.') === -1) {
        request.uri = '/index.html';
      }
      return request;
    }
  JS
}

data "aws_cloudfront_cache_policy" "caching_disabled" {
  name = "Managed-CachingDisabled"
}

data "aws_cloudfront_origin_request_policy" "all_viewer" {
  name = "Managed-AllViewer"
}

resource "aws_cloudfront_distribution" "this" {
  enabled             = true
  is_ipv6_enabled     = true
  http_version        = "http2and3"
  comment             = "${var.name}: the portal's files, its API and pages through the load balancer"
  aliases             = [var.portal_host]
  price_class         = var.price_class
  default_root_object = "index.html"
  web_acl_id          = var.web_acl_arn

  origin {
    origin_id                = "portal-files"
    domain_name              = aws_s3_bucket.this.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.this.id
  }

  origin {
    origin_id   = "load-balancer"
    domain_name = var.origin_host
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
      origin_read_timeout    = 60
    }
  }

  default_cache_behavior {
    target_origin_id           = "portal-files"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = aws_cloudfront_cache_policy.files["entry_page"].id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.pages.arn
    }
  }

  ordered_cache_behavior {
    path_pattern               = "/assets/*"
    target_origin_id           = "portal-files"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = aws_cloudfront_cache_policy.files["hashed_assets"].id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
  }

  # Not files: passed on uncached with everything the viewer sent (Host, Authorization, Origin,
  # the WebSocket upgrade); the portal's nginx and the services set their own headers.
  dynamic "ordered_cache_behavior" {
    for_each = ["/graphql", "/config.json", "/unsubscribe"]
    content {
      path_pattern             = ordered_cache_behavior.value
      target_origin_id         = "load-balancer"
      viewer_protocol_policy   = "https-only"
      allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
      cached_methods           = ["GET", "HEAD"]
      compress                 = true
      cache_policy_id          = data.aws_cloudfront_cache_policy.caching_disabled.id
      origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all_viewer.id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.acm_certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
