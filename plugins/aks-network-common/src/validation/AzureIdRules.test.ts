import {
  azureRegionNameProblem,
  isSubscriptionId,
  subscriptionIdProblem,
} from './AzureIdRules';

describe('subscription ids and region names', () => {
  it.each([
    ['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', true],
    ['9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D', true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['../../../x', false],
    ['9a8b7c6d5e4f4a3b8c2d1e0f9a8b7c6d', false],
    ['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/', false],
    ['{9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d}', false],
    ['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6g', false],
    [42, false],
  ])('%p is a subscription id: %p', (text, expected) => {
    expect(isSubscriptionId(text)).toBe(expected);
    expect(subscriptionIdProblem(text) === undefined).toBe(expected);
  });

  it.each([
    ['westeurope', true],
    ['WestEurope', true],
    ['eastus2', true],
    ['West Europe', false],
    ['west-europe', false],
    ['2westeurope', false],
    ['w', false],
    ['westeurope\u202e', false],
    ['', false],
  ])('%p is a region name: %p', (text, expected) => {
    expect(azureRegionNameProblem(text) === undefined).toBe(expected);
  });
});
