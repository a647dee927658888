export * from './authenticate';
export * from './keyOwner';
export * from './keyVault';
export * from './principalStanding';
export * from './signingIdentities';
export * from './signingKeys';
export * from './tokenDenyList';
export * from './tokens';
