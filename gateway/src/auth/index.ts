export * from './authenticate';
export * from './keyVault';
export * from './signingIdentities';
export * from './signingKeys';
export * from './tokens';
