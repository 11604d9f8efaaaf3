import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Unit, UNIT_KINDS, type PostalAddressValue } from '@app/persistence';
import { PostalAddressDto } from '../child-welfare-reports/dto/report-facts.dto.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';

export class UnitDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'solsiden-bhg' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: string;
  @ApiProperty() clusterId!: string;
  @ApiProperty({ type: PostalAddressDto, nullable: true, description: 'The sender address of a report to child welfare' }) address!: PostalAddressValue | null;
}

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The units of the caller's municipality (reference data, no case content). */
  @Get()
  @ApiOkResponse({ type: [UnitDto] })
  async list(@CurrentPrincipal() principal: Principal): Promise<UnitDto[]> {
    const units = await this.dataSource
      .getRepository(Unit)
      .find({ where: { municipalityId: principal.municipalityId }, order: { code: 'ASC' } });
    return units.map(({ id, code, name, kind, clusterId, address }) => ({ id, code, name, kind, clusterId, address }));
  }
}
