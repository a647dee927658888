/**
 * The organisations of the traceledger network and the certificate attributes that bind a Fabric
 * client identity to a role or an enterprise. Chaincode and gateway both read these, so the names
 * live here once.
 */

/** MSP IDs of the three peer organisations. */
export const MspIds = {
  /** Market regulators and inspection bodies. */
  regulator: 'RegulatorOrgMSP',
  /** Food and drug enterprises: producers, importers, cold stores, carriers, wholesalers, hospitals, pharmacies. */
  supply: 'SupplyOrgMSP',
  /** Elevator owners and users, maintenance firms. */
  equipment: 'EquipmentOrgMSP',
} as const;

export type PeerOrgKey = keyof typeof MspIds;
export type PeerMspId = (typeof MspIds)[PeerOrgKey];

export const ORDERER_MSP_ID = 'OrdererMSP';

/**
 * Attribute names that the org's Fabric CA writes into enrollment certificates (`ecert` attributes).
 * Chaincode trusts them because the MSP verified the certificate chain to the org's CA.
 */
export const CertAttributes = {
  /** What the holder may do: see {@link IdentityRole}. */
  role: 'tl.role',
  /** The unified social credit code of the enterprise the holder acts for (enterprise identities only). */
  enterprise: 'tl.enterprise',
} as const;

/**
 * Roles carried in the `tl.role` certificate attribute. `intake` is the gateway's public intake
 * identity, which files what anonymous consumers report; `reader` is the gateway's read identity,
 * which chaincode reads answer whole (the gateway cuts them to its callers' audiences).
 */
export const IdentityRoles = ['admin', 'regulator', 'enterprise', 'intake', 'reader'] as const;
export type IdentityRole = (typeof IdentityRoles)[number];

export const CHANNEL_NAME = 'traceledger';
export const CHAINCODE_NAME = 'traceledger';
