import { graphql } from '../gql';

// Shapes several screens read alike; operations spread them by name and the generated
// documents carry them along.

export const PatientDemographics = graphql(`
  fragment PatientDemographics on Patient {
    id
    name {
      given
      family
    }
    dateOfBirth
    sex
    contact {
      email
      phone
    }
  }
`);

export const AddressParts = graphql(`
  fragment AddressParts on Address {
    lines
    postalCode
    city
    region
    countryCode
  }
`);

export const LabResultParts = graphql(`
  fragment LabResultParts on LabResult {
    id
    testName
    value
    numericValue
    unit
    abnormalFlag
    referenceRange {
      low
      high
      text
    }
    observedAt
  }
`);

export const InvoiceSummary = graphql(`
  fragment InvoiceSummary on Invoice {
    id
    number
    status
    issuedAt
    total {
      amountMinor
      currency
    }
    balanceDue {
      amountMinor
      currency
    }
  }
`);

export const AnalyticsWindowParts = graphql(`
  fragment AnalyticsWindowParts on AnalyticsWindow {
    windowKey
    windowStart
    dimension
    bookings
    noShows
    completions
    revenueInvoiced {
      amountMinor
      currency
    }
    revenueCollected {
      amountMinor
      currency
    }
  }
`);

export const InvoiceDetails = graphql(`
  fragment InvoiceDetails on Invoice {
    chargeReason
    dueDate
    lineItems {
      description
      quantity
      unitPrice {
        amountMinor
        currency
      }
      total {
        amountMinor
        currency
      }
    }
    subtotal {
      amountMinor
      currency
    }
    tax {
      amountMinor
      currency
    }
    amountPaid {
      amountMinor
      currency
    }
    payments {
      ...PaymentParts
    }
  }
`);

export const PaymentParts = graphql(`
  fragment PaymentParts on Payment {
    id
    amount {
      amountMinor
      currency
    }
    method
    reference
    receivedAt
  }
`);
