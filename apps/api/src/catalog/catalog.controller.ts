import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { EVENT_TYPES } from '@app/domain';
import { loadReferenceData, type CatalogItem } from '@app/platform';
import { EVENT_FORMS } from '../cases/dto/event-forms.js';
import { EventFormView } from './case-event-forms.view.js';

export class CatalogItemDto {
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'Bokmål label' }) nb!: string;
  @ApiPropertyOptional() en?: string;
  @ApiPropertyOptional({ type: [String], description: 'Prevention levels (measures only)' }) levels?: string[];
}

/** Reference data straight from libs/reference-data/*.json. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  @Get('concern-categories')
  @ApiOkResponse({ type: [CatalogItemDto] })
  categories(): CatalogItem[] {
    return loadReferenceData().concernCategories;
  }

  @Get('risk-factors')
  @ApiOkResponse({ type: [CatalogItemDto] })
  riskFactors(): CatalogItem[] {
    return loadReferenceData().riskFactors;
  }

  @Get('protective-factors')
  @ApiOkResponse({ type: [CatalogItemDto] })
  protectiveFactors(): CatalogItem[] {
    return loadReferenceData().protectiveFactors;
  }

  @Get('measures')
  @ApiOkResponse({ type: [CatalogItemDto] })
  measures(): CatalogItem[] {
    return loadReferenceData().measures;
  }

  /** What each case event takes, field by field: the description the request validation reads too (DESIGN 4, 8). */
  @Get('case-events')
  @ApiOkResponse({ type: [EventFormView] })
  caseEvents(): EventFormView[] {
    return EVENT_TYPES.map((type) => EVENT_FORMS[type]);
  }
}
