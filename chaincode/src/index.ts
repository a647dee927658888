/**
 * The traceledger chaincode: every contract, served together as one chaincode. fabric-chaincode-node
 * reads `contracts` from this module (see chaincode/package.json).
 */
import 'reflect-metadata';
import { RiskClueContract } from './clues/riskClueContract';
import { ColdChainContract } from './coldchain/coldChainContract';
import { DrugContract } from './drug/drugContract';
import { ElevatorContract } from './elevator/elevatorContract';
import { RecallContract } from './recalls/recallContract';
import { ReferenceContract } from './reference/referenceContract';
import { BrandPrefixContract } from './registry/brandPrefixContract';
import { EnterpriseRegistryContract } from './registry/enterpriseRegistryContract';
import { SamplingContract } from './sampling/samplingContract';
import { TraceEventContract } from './trace/traceEventContract';

export const contracts = [EnterpriseRegistryContract, BrandPrefixContract, TraceEventContract, ColdChainContract, RiskClueContract, DrugContract, ElevatorContract, ReferenceContract, RecallContract, SamplingContract];
